// A small fake of Slack on 127.0.0.1: the Web API methods onramp calls, response_url endpoints and a
// Socket Mode WebSocket. It records every call, can hold or rate-limit a method, and never touches the network.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * Characters of text across a message's blocks (every `text` string), as Slack counts them: it refuses
 * about 13,200 and more (slackapi/bolt-js#2509). Written here independently of the adapter's own count.
 */
export const blocksText = (node: unknown): number =>
  Array.isArray(node)
    ? node.reduce((n: number, x) => n + blocksText(x), 0)
    : node && typeof node === 'object'
      ? Object.entries(node).reduce(
          (n, [k, v]) => n + (k === 'text' && typeof v === 'string' ? v.length : blocksText(v)),
          0,
        )
      : 0;

/** Everything a call shows people, as one string: fallback text, blocks and any view. */
export const shown = (c: Call) => JSON.stringify({ text: c.body.text, blocks: c.body.blocks, view: c.body.view });

export interface Call {
  /** Web API method (`chat.postMessage`), or `response_url` for an answer to a response_url. */
  method: string;
  body: Record<string, unknown>;
  /** The bearer token used, if any. */
  token?: string;
  /** For response_url calls: which one. */
  responseId?: string;
  at: number;
}

export interface FakeUser {
  name: string;
  realName?: string;
  locale?: string;
}

const parseField = (value: string) => {
  if (!/^[[{]/.test(value)) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
};

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString();
  if (!raw) return {};
  if (req.headers['content-type']?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  return Object.fromEntries([...new URLSearchParams(raw)].map(([k, v]) => [k, parseField(v)]));
}

export async function startFakeSlack() {
  const calls: Call[] = [];
  const waiters = new Set<(call: Call) => void>();
  const holds = new Map<string, Promise<void>>();
  const rateLimits = new Map<string, { retryAfter: number; times: number }>();
  const hangUps = new Map<string, number>();
  const failures = new Map<string, { status: number; times: number }>();
  const users = new Map<string, FakeUser>();
  const channels = new Map<string, string>([
    ['C0NEWBIE1', 'kubernetes-novice'],
    ['C0RANDOM1', 'random'],
    ['C0NETWORK', 'sig-network'],
  ]);
  const sockets = new Set<WebSocket>();
  const acks = new Map<string, (payload: unknown) => void>();
  let ts = 1_700_000_000;
  let base = '';

  const record = (call: Omit<Call, 'at'>) => {
    const recorded = { ...call, at: Date.now() };
    calls.push(recorded);
    for (const wake of [...waiters]) wake(recorded);
  };

  function answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    if ((method === 'chat.postMessage' || method === 'chat.postEphemeral') && blocksText(body.blocks) > 13_000)
      return { ok: false, error: 'msg_blocks_too_long' };
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://onramp-test.slack.com/',
          team: 'Test',
          user: 'onramp',
          team_id: 'T0TEST',
          user_id: 'U0BOT',
          bot_id: 'B0BOT',
        };
      case 'chat.postMessage':
        // Like a channel the bot was never invited to.
        if (body.channel === 'C0NOTIN') return { ok: false, error: 'not_in_channel' };
        return { ok: true, channel: body.channel, ts: `${++ts}.000100`, message: { text: body.text } };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${++ts}.000200` };
      case 'chat.unfurl':
        return body.unfurls && (body.ts || body.unfurl_id) ? { ok: true } : { ok: false, error: 'invalid_arguments' };
      case 'views.publish':
        return { ok: true, view: { id: 'V0HOME', type: 'home' } };
      case 'users.info': {
        const user = users.get(String(body.user));
        if (!user) return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          user: {
            id: body.user,
            name: user.name,
            real_name: user.realName ?? user.name,
            profile: { display_name: user.name },
            ...(user.locale ? { locale: user.locale } : {}),
          },
        };
      }
      case 'conversations.info': {
        const name = channels.get(String(body.channel));
        return name ? { ok: true, channel: { id: body.channel, name } } : { ok: false, error: 'channel_not_found' };
      }
      case 'conversations.list':
        return {
          ok: true,
          channels: [...channels].map(([id, name]) => ({ id, name })),
          response_metadata: { next_cursor: '' },
        };
      case 'conversations.open': {
        // Like Slack: the same people (the bot is added) always get the same group DM.
        const people = String(body.users ?? '')
          .split(',')
          .filter(Boolean)
          .sort();
        if (people.length === 0) return { ok: false, error: 'users_list_not_supplied' };
        if (people.some((p) => !/^U[A-Z0-9]+$/.test(p))) return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          channel: {
            id: people.length === 1 ? `D${people[0]!.slice(1)}` : `G${people.map((p) => p.slice(1)).join('')}`,
          },
        };
      }
      case 'apps.connections.open':
        return { ok: true, url: `${base.replace('http', 'ws')}/socket` };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(req);
    const token =
      req.headers.authorization?.replace(/^Bearer /, '') ?? (typeof body.token === 'string' ? body.token : undefined);
    const respond = /^\/respond\/([\w-]+)$/.exec(url.pathname);
    if (respond) {
      record({ method: 'response_url', body, responseId: respond[1]! });
      // Like a response_url used 5 times or older than 30 minutes.
      if (respond[1]!.startsWith('expired'))
        return void res.writeHead(404, { 'content-type': 'text/plain' }).end('expired_url');
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    await holds.get(method);
    const limit = rateLimits.get(method);
    record({ method, body, ...(token ? { token } : {}) });
    const failure = failures.get(method);
    if (failure && failure.times > 0) {
      failure.times -= 1;
      res.writeHead(failure.status, { 'content-type': 'text/plain' }).end('upstream trouble');
      return;
    }
    const drop = hangUps.get(method);
    if (drop && drop > 0) {
      // The request arrived and the connection breaks before any answer: the client cannot know whether it was posted.
      hangUps.set(method, drop - 1);
      req.socket.destroy();
      return;
    }
    if (limit && limit.times > 0) {
      limit.times -= 1;
      res
        .writeHead(429, { 'retry-after': String(limit.retryAfter), 'content-type': 'application/json' })
        .end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer(method, body)));
  }

  const server = createServer((req, res) => void handle(req, res));
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
        if (message.envelope_id) acks.get(message.envelope_id)?.(message.payload ?? {});
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0TEST' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let envelopes = 0;

  return {
    apiUrl: `${base}/api/`,
    calls,
    users,
    channels,
    responseUrl: (id: string) => `${base}/respond/${id}`,
    /** Calls of one method (or all calls but lookups when omitted). */
    of: (method: string) => calls.filter((c) => c.method === method),
    /** The answer posted to the response_url made with `responseUrl(id)`, once it arrives. */
    async answerTo(id: string): Promise<Call> {
      return (await this.waitFor((c) => c.responseId === id))[0]!;
    },
    /** Resolves once `count` calls match; driven by the calls themselves, not by a clock. */
    waitFor(match: string | ((c: Call) => boolean), count = 1): Promise<Call[]> {
      const test = typeof match === 'string' ? (c: Call) => c.method === match : match;
      const found = calls.filter(test);
      if (found.length >= count) return Promise.resolve(found);
      return new Promise((resolve) => {
        const check = (call: Call) => {
          if (!test(call)) return;
          found.push(call);
          if (found.length < count) return;
          waiters.delete(check);
          resolve(found);
        };
        waiters.add(check);
      });
    },
    /** Holds every call to `method` until the returned function is called. */
    hold(method: string): () => void {
      let release = () => {};
      holds.set(method, new Promise<void>((resolve) => (release = resolve)));
      return () => {
        holds.delete(method);
        release();
      };
    },
    rateLimit(method: string, retryAfter: number, times = 1) {
      rateLimits.set(method, { retryAfter, times });
    },
    /** The next `times` calls of `method` are read, recorded, then left without an answer: the socket is destroyed. */
    hangUp(method: string, times = 1) {
      hangUps.set(method, times);
    },
    /** The next `times` calls of `method` are recorded and answered with this HTTP status (a 500, a 503…). */
    failWith(method: string, status: number, times = 1) {
      failures.set(method, { status, times });
    },
    /** Sends a Socket Mode envelope to every connected client; resolves with the acknowledgement's payload. */
    sendEnvelope(type: string, payload: unknown, extra: Record<string, unknown> = {}): Promise<unknown> {
      const envelope_id = `env-${++envelopes}`;
      const acked = new Promise<unknown>((resolve) => acks.set(envelope_id, resolve));
      for (const ws of sockets)
        ws.send(
          JSON.stringify({ type, envelope_id, payload, accepts_response_payload: type !== 'events_api', ...extra }),
        );
      return acked;
    },
    get connected() {
      return sockets.size;
    },
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeSlack = Awaited<ReturnType<typeof startFakeSlack>>;

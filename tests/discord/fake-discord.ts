// A fake Discord on 127.0.0.1: REST (recording every request, enforcing limits) and a gateway over ws.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { choiceProblems, commandProblems, messageProblems, onboardingProblems } from './fake-limits.js';

/* The payloads are Discord's JSON: typed loosely on purpose, as the real API is from a client's side. */
type Json = any;

export interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  auth: string | undefined;
  body: Json;
  status: number;
  /** What the fake answered (the message as stored, for edits and posts). */
  response: Json;
  at: number;
}

interface Injected {
  match: (r: { method: string; path: string }) => boolean;
  status: number;
  body: Json;
  headers?: Record<string, string>;
  /** Carry the request out first, then answer with this anyway (the answer was lost on the way back). */
  afterApplying?: boolean;
}

export const INTENTS = { Guilds: 1, GuildMessages: 1 << 9, DirectMessages: 1 << 12, MessageContent: 1 << 15 };

let counter = 1_100_000_000_000_000_100n;
export const snowflake = () => String(counter++);

export interface FakeDiscord {
  apiUrl: string;
  token: string;
  appId: string;
  bot: Json;
  guildId: string;
  channels: { general: string; newcomers: string; sigNetwork: string };
  /** Every text channel's id by name, the community's server only. */
  channelIds: Map<string, string>;
  requests: Recorded[];
  /** Every message the bot created or edited, by id, as Discord would now show it. */
  messages: Map<string, Json>;
  identify: Json | undefined;
  /** Gateway connections opened so far (a REST-only client opens none). */
  readonly gatewayConnections: number;
  /** Resolves at the first request from now on matching `test` (for benches: no polling delay). */
  next(test: (r: Recorded) => boolean): Promise<Recorded>;
  /** Makes the next request matching `match` answer this instead (a 429, a 500…). */
  inject(i: Injected): void;
  /**
   * Sends a gateway dispatch; false when Discord would not deliver it (missing intent). With `session`,
   * only the n-th session to log in gets it: which replica wins a race, made certain.
   */
  dispatch(t: string, d: Json, session?: number): boolean;
  /** Users who refuse direct messages from the bot. */
  closedDms: Set<string>;
  /** The id of the direct-message channel between the bot and this person (opened if needed). */
  dmWith(user: Json): string;
  /** The community server's roles (@everyone, the bot's own, any added) and its Onboarding as last written. */
  roles: Json[];
  onboarding: { prompts: Json[]; default_channel_ids: string[]; enabled: boolean; mode: number };
  /** A second server that invited the bot (public bots can be invited by anyone), with its own #sig-network. */
  strangers?: { guildId: string; channels: { general: string; sigNetwork: string } };
  close(): Promise<void>;
}

export interface FakeOptions {
  /** Adds the strangers' server. */
  strangers?: boolean;
  /** More text channels in the community's server, by name (e.g. every SIG's, for a digest run). */
  channels?: readonly string[];
  /** Serves roles and Onboarding (GET/POST roles, GET/PUT onboarding); off by default, as before. */
  onboarding?: boolean;
}

export async function startFakeDiscord(options: FakeOptions = {}): Promise<FakeDiscord> {
  const appId = '1100000000000000001';
  const token = 'fake-bot-token.ABC.def';
  const bot = { id: appId, username: 'onramp', discriminator: '0', global_name: 'onramp', avatar: null, bot: true };
  const guildId = snowflake();
  const newBotRole = () => ({
    id: snowflake(),
    name: 'onramp',
    color: 0,
    hoist: false,
    position: 1,
    permissions: '0',
    managed: true,
    mentionable: false,
    tags: { bot_id: appId },
  });
  const botRole = newBotRole();
  const channelIn = (guild: string, name: string) => ({
    id: snowflake(),
    type: 0,
    name,
    guild_id: guild,
    position: 0,
    permission_overwrites: [],
    parent_id: null,
    topic: null,
    nsfw: false,
  });
  const channel = (name: string) => channelIn(guildId, name);
  const textChannels = [channel('general'), channel('newcomers'), channel('sig-network')];
  for (const name of options.channels ?? [])
    if (!textChannels.some((c) => c.name === name)) textChannels.push(channel(name));
  const strangersId = options.strangers ? snowflake() : undefined;
  const strangerChannels = strangersId
    ? [channelIn(strangersId, 'general'), channelIn(strangersId, 'sig-network')]
    : [];
  textChannels.push(...strangerChannels);
  const guilds = [
    { id: guildId, name: 'Kubernetes', role: botRole },
    ...(strangersId ? [{ id: strangersId, name: 'Strangers', role: newBotRole() }] : []),
  ];
  const roles: Json[] = [
    {
      id: guildId,
      name: '@everyone',
      permissions: '0',
      position: 0,
      color: 0,
      hoist: false,
      managed: false,
      mentionable: false,
    },
    botRole,
  ];
  const onboarding = { prompts: [] as Json[], default_channel_ids: [] as string[], enabled: false, mode: 0 };
  const dmChannels = new Map<string, Json>();
  const requests: Recorded[] = [];
  const injected: Injected[] = [];
  const nonces = new Map<string, string>();
  const messages = new Map<string, Json>();
  const interactions = new Map<
    string,
    {
      id: string;
      token: string;
      acked: boolean;
      channelId: string;
      ephemeral: boolean;
      original?: string;
      source?: string;
    }
  >();
  const closedDms = new Set<string>();
  const waiters = new Set<{ test: (r: Recorded) => boolean; resolve: (r: Recorded) => void }>();
  const sockets = new Set<WebSocket>();
  let seq = 0;
  let identify: Json | undefined;
  let gatewayConnections = 0;

  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  const wsUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;

  const send = (ws: WebSocket, payload: Json) => ws.send(JSON.stringify(payload));
  const dispatchTo = (ws: WebSocket, t: string, d: Json) => send(ws, { op: 0, t, s: ++seq, d });
  wss.on('connection', (ws) => {
    gatewayConnections += 1;
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    send(ws, { op: 10, d: { heartbeat_interval: 45_000 } });
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw));
      if (msg.op === 1) send(ws, { op: 11 });
      if (msg.op !== 2) return;
      if (msg.d.token !== token) return ws.close(4004, 'Authentication failed');
      identify = msg.d;
      (ws as Json).identified = true;
      dispatchTo(ws, 'READY', {
        v: 10,
        user: bot,
        guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
        session_id: 'session-1',
        resume_gateway_url: wsUrl,
        shard: [0, 1],
        application: { id: appId, flags: 0 },
      });
      for (const g of guilds) {
        dispatchTo(ws, 'GUILD_CREATE', {
          id: g.id,
          name: g.name,
          icon: null,
          owner_id: snowflake(),
          unavailable: false,
          member_count: 3,
          large: false,
          features: [],
          preferred_locale: 'en-US',
          roles: [
            {
              id: g.id,
              name: '@everyone',
              permissions: '0',
              position: 0,
              color: 0,
              hoist: false,
              managed: false,
              mentionable: false,
            },
            g.role,
          ],
          channels: textChannels.filter((c) => c.guild_id === g.id),
          threads: [],
          members: [],
          voice_states: [],
          presences: [],
          emojis: [],
          stickers: [],
          stage_instances: [],
          guild_scheduled_events: [],
          joined_at: new Date().toISOString(),
          afk_timeout: 300,
          verification_level: 0,
          default_message_notifications: 0,
          explicit_content_filter: 0,
          mfa_level: 0,
          system_channel_flags: 0,
          premium_tier: 0,
          nsfw_level: 0,
        });
      }
    });
  });

  const intents = () => Number(identify?.intents ?? 0);
  function dispatch(t: string, d: Json, session?: number): boolean {
    if (t === 'MESSAGE_CREATE') {
      const need = d.guild_id ? INTENTS.GuildMessages : INTENTS.DirectMessages;
      if ((intents() & need) === 0) return false;
      // Without the privileged intent, Discord blanks the text of messages that do not concern the bot.
      const concerns =
        !d.guild_id || d.mentions?.some((u: Json) => u.id === appId) || d.mention_roles?.includes(botRole.id);
      if (!concerns && (intents() & INTENTS.MessageContent) === 0) d = { ...d, content: '' };
    }
    const live = [...sockets].filter((ws) => (ws as Json).identified);
    for (const [n, ws] of live.entries()) if (session === undefined || n === session) dispatchTo(ws, t, d);
    return true;
  }

  const store = (body: Json, channelId: string, extra: Json = {}) => {
    const id = extra.id ?? snowflake();
    const old = messages.get(id) ?? {};
    const message = {
      type: 0,
      content: '',
      embeds: [],
      components: [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      flags: 0,
      ...old,
      ...Object.fromEntries(
        Object.entries(body).filter(([k]) => ['content', 'embeds', 'components', 'flags'].includes(k)),
      ),
      ...extra,
      id,
      channel_id: channelId,
      author: bot,
      timestamp: old.timestamp ?? new Date().toISOString(),
      edited_timestamp: old.id ? new Date().toISOString() : null,
    };
    messages.set(id, message);
    return message;
  };
  const openDm = (user: Json): string => {
    const existing = [...dmChannels.values()].find((c) => c.recipients[0].id === user.id);
    if (existing) return existing.id;
    const dm = { id: snowflake(), type: 1, last_message_id: null, recipients: [user] };
    dmChannels.set(dm.id, dm);
    return dm.id;
  };
  const findChannel = (id: string) => textChannels.find((c) => c.id === id) ?? dmChannels.get(id);
  const byToken = (t: string) => [...interactions.values()].find((i) => i.token === t);

  type Answer = [number, Json?, Record<string, string>?];
  const invalid = (problems: string[]): Answer => [
    400,
    { code: 50035, message: 'Invalid Form Body', errors: problems },
  ];

  function route(method: string, path: string, query: URLSearchParams, auth: string | undefined, body: Json): Answer {
    const botAuth = auth === `Bot ${token}`;
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      if (!botAuth) return [401, { code: 0, message: '401: Unauthorized' }];
      return [
        200,
        {
          url: wsUrl,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
        },
      ];
    }
    if ((m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path)) && method === 'POST') {
      const it = interactions.get(m[1]!);
      if (!it || it.token !== m[2]) return [404, { code: 10062, message: 'Unknown interaction' }];
      if (it.acked) return [400, { code: 40060, message: 'Interaction has already been acknowledged.' }];
      const data = body.data ?? {};
      if (body.type === 8) {
        const problems = choiceProblems(data.choices ?? []);
        if (problems.length) return invalid(problems);
      } else if (body.type === 4 || body.type === 7) {
        const problems = messageProblems(data, { partial: body.type === 7 });
        if (problems.length) return invalid(problems);
      }
      it.acked = true;
      it.ephemeral = Boolean((data.flags ?? 0) & 64);
      if (body.type === 4 || body.type === 5)
        it.original = store(data, it.channelId, { flags: data.flags ?? 0, interaction_id: it.id }).id;
      if (body.type === 7 && it.source) store(data, it.channelId, { id: it.source });
      // After an update (deferred or not), the interaction's original message is the one clicked.
      if ((body.type === 6 || body.type === 7) && it.source) it.original = it.source;
      return [204];
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(@original))?$/.exec(path))) {
      const it = byToken(m[2]!);
      if (m[1] !== appId || !it || !it.acked) return [404, { code: 10015, message: 'Unknown Webhook' }];
      if (method === 'DELETE' && m[3]) return [204];
      const problems = messageProblems(body, { partial: method === 'PATCH' });
      if (problems.length) return invalid(problems);
      if (method === 'PATCH' && m[3])
        return [200, store(body, it.channelId, { id: it.original, webhook_id: appId, application_id: appId })];
      if (method === 'POST' && !m[3])
        return [200, store(body, it.channelId, { webhook_id: appId, application_id: appId, flags: body.flags ?? 0 })];
    }
    if (!botAuth) return [401, { code: 0, message: '401: Unauthorized' }];
    if ((m = /^\/channels\/(\d+)\/messages$/.exec(path)) && method === 'POST') {
      const ch = findChannel(m[1]!);
      if (!ch) return [404, { code: 10003, message: 'Unknown Channel' }];
      if (ch.type === 1 && closedDms.has(ch.recipients[0].id))
        return [403, { code: 50007, message: 'Cannot send messages to this user' }];
      const problems = messageProblems(body);
      if (problems.length) return invalid(problems);
      // enforce_nonce: the same nonce in the same channel within minutes returns the first message, creates none.
      const key = `${ch.id}:${body.nonce}`;
      if (body.enforce_nonce && body.nonce !== undefined && nonces.has(key))
        return [200, messages.get(nonces.get(key)!)];
      const created = store(body, ch.id, ch.guild_id ? { guild_id: ch.guild_id } : {});
      if (body.enforce_nonce && body.nonce !== undefined) nonces.set(key, created.id);
      return [200, created];
    }
    // What a REST-only client (the outbox) reads instead of a gateway session's cache.
    if (path === '/users/@me/guilds' && method === 'GET')
      return [
        200,
        guilds.map((g) => ({ id: g.id, name: g.name, icon: null, owner: false, permissions: '0', features: [] })),
      ];
    if ((m = /^\/guilds\/(\d+)\/channels$/.exec(path)) && method === 'GET') {
      if (!guilds.some((g) => g.id === m![1])) return [403, { code: 50001, message: 'Missing Access' }];
      return [200, textChannels.filter((c) => c.guild_id === m![1])];
    }
    if ((m = /^\/channels\/(\d+)$/.exec(path)) && method === 'GET') {
      const ch = findChannel(m[1]!);
      return ch ? [200, ch] : [404, { code: 10003, message: 'Unknown Channel' }];
    }
    if (path === '/users/@me/channels' && method === 'POST') {
      const id = openDm({
        id: body.recipient_id,
        username: `user-${body.recipient_id}`,
        discriminator: '0',
        global_name: null,
        avatar: null,
      });
      return [200, dmChannels.get(id)];
    }
    if ((m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path)) && method === 'PUT') {
      if (m[1] !== appId) return [403, { code: 50001, message: 'Missing Access' }];
      if (m[2] && m[2] !== guildId) return [403, { code: 50001, message: 'Missing Access' }];
      const problems = commandProblems(body);
      if (problems.length) return invalid(problems);
      return [
        200,
        body.map((c: Json) => ({
          ...c,
          id: snowflake(),
          application_id: appId,
          version: snowflake(),
          ...(m![2] ? { guild_id: m![2] } : {}),
        })),
      ];
    }
    if (options.onboarding && (m = /^\/guilds\/(\d+)\/(roles|onboarding)$/.exec(path))) {
      if (!botAuth || m[1] !== guildId) return [403, { code: 50001, message: 'Missing Access' }];
      if (m[2] === 'roles' && method === 'GET') return [200, roles];
      if (m[2] === 'roles' && method === 'POST') {
        const role = {
          id: snowflake(),
          name: body?.name ?? 'new role',
          permissions: body?.permissions ?? '0',
          position: roles.length,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: Boolean(body?.mentionable),
        };
        roles.push(role);
        return [200, role];
      }
      if (m[2] === 'onboarding' && method === 'GET') return [200, { guild_id: guildId, ...onboarding }];
      if (m[2] === 'onboarding' && method === 'PUT') {
        const channelIds = new Set(textChannels.filter((c) => c.guild_id === guildId).map((c) => c.id));
        const problems = onboardingProblems(body, new Set(roles.map((r) => r.id)), channelIds);
        if (problems.length) return invalid(problems);
        // Discord assigns its own ids to new prompts and options.
        onboarding.prompts = body.prompts.map((p: Json) => ({
          ...p,
          id: onboarding.prompts.some((x) => x.id === p.id) ? p.id : snowflake(),
          options: p.options.map((o: Json) => ({ ...o, id: o.id ?? snowflake() })),
        }));
        return [200, { guild_id: guildId, ...onboarding }];
      }
    }
    return [404, { code: 0, message: '404: Not Found' }];
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = raw ? JSON.parse(raw) : undefined;
      const method = req.method ?? 'GET';
      const hit = injected.findIndex((i) => i.match({ method, path }));
      const answerOf = () => route(method, path, url.searchParams, req.headers.authorization, body);
      const [status, payload, headers] =
        hit >= 0
          ? (() => {
              const [i] = injected.splice(hit, 1);
              if (i!.afterApplying) answerOf();
              return [i!.status, i!.body, i!.headers] as Answer;
            })()
          : answerOf();
      const recorded: Recorded = {
        method,
        path,
        query: url.searchParams,
        auth: req.headers.authorization,
        body,
        status,
        response: payload,
        at: Date.now(),
      };
      requests.push(recorded);
      for (const w of waiters) if (w.test(recorded)) waiters.delete(w), w.resolve(recorded);
      if (status === 204) {
        res.writeHead(204, headers); // a 204 carries no body, hence no JSON content type
        return res.end();
      }
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload ?? {}));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));

  return {
    apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`,
    token,
    appId,
    bot,
    guildId,
    channels: { general: textChannels[0]!.id, newcomers: textChannels[1]!.id, sigNetwork: textChannels[2]!.id },
    channelIds: new Map(textChannels.filter((c) => c.guild_id === guildId).map((c) => [c.name, c.id])),
    requests,
    messages,
    roles,
    onboarding,
    get identify() {
      return identify;
    },
    get gatewayConnections() {
      return gatewayConnections;
    },
    inject: (i) => void injected.push(i),
    next: (test) => new Promise((resolve) => waiters.add({ test, resolve })),
    dispatch(t, d, session) {
      if (t === 'INTERACTION_CREATE')
        interactions.set(d.id, {
          id: d.id,
          token: d.token,
          acked: false,
          channelId: d.channel_id,
          ephemeral: false,
          ...(d.message ? { source: d.message.id } : {}),
        });
      return dispatch(t, d, session);
    },
    closedDms,
    dmWith: openDm,
    ...(strangersId
      ? {
          strangers: {
            guildId: strangersId,
            channels: { general: strangerChannels[0]!.id, sigNetwork: strangerChannels[1]!.id },
          },
        }
      : {}),
    async close() {
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

// The Slack adapter: a Bolt App (HTTP on PORT at /slack/events, or Socket Mode with an app token) wired to
// the core, and `post` for push work (digests, reminders) on its own client.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App } from '@slack/bolt';
import { ANY_WORKSPACE, createTracker, type ChatAdapter, type Destination, type Dispatch, type PostResult, type Reply } from '../../src/core/index.js';
import { createDirectory, LookupRateLimited, type Directory } from './directory.js';
import { wire } from './listeners.js';
import { createBoltLogger, type Log } from './log.js';
import { createPushPoster } from './push.js';
import { baseClientOptions, createSlackClients, INTERACTIVE } from './clients.js';
import { createHttpReceiver } from './receiver.js';
import { renderMessage } from './render.js';

export interface SlackAdapterOptions {
  botToken: string;
  /** HTTP mode: verifies every request. */
  signingSecret?: string;
  /** Socket Mode when set (an `xapp-` token with connections:write). */
  appToken?: string;
  /** Web API base, `https://slack.com/api/` unless testing or proxying. */
  apiUrl?: string;
  port?: number;
  host?: string;
  /**
   * The community's newcomer channels (ids or names): someone joining gets a welcome, and plain messages
   * there reach the core, which answers clear questions. Elsewhere only mentions and DMs are answered.
   */
  watchedChannels?: readonly string[];
  /** Capability id → slash command, for commands renamed in the manifest (`{ sig: '/k8s-sig' }`). */
  commandNames?: Readonly<Record<string, string>>;
  /**
   * Records an Events API delivery (its event id) or an accepted HTTP signature (`sig:<ts>:<signature>`);
   * true when it was recorded before. Shared by replicas through the store.
   */
  seen(eventId: string): Promise<boolean>;
  log: Log;
  /** How long an event waits for a name/locale lookup before going on without it (default 1.5 s). */
  lookupWaitMs?: number;
}

export interface SlackAdapter extends ChatAdapter {
  /** The HTTP port actually bound (useful with port 0), once started in HTTP mode. */
  readonly port: number | undefined;
  /** Resolves when every event received so far has been answered. */
  settled(): Promise<void>;
}

const SLACK_ID = /^[CGD][A-Z0-9]{6,}$/;

export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const logger = createBoltLogger(options.log);
  const clientOptions = baseClientOptions(options.apiUrl, logger);
  const tracker = createTracker();
  let app: App | undefined;
  let port: number | undefined;
  let teamId = '';
  let directory: Directory | undefined;
  let push: ReturnType<typeof createPushPoster> | undefined;

  return {
    platform: 'slack',
    get port() {
      return port;
    },
    async start(dispatch: Dispatch) {
      if (!options.appToken && !options.signingSecret) throw new Error('Slack needs SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode)');
      const clients = createSlackClients(options.botToken, options.apiUrl, logger);
      const client = clients.interactive;
      const auth = await client.auth.test().catch((err: { data?: { error?: string } }) => {
        throw new Error(`Slack refused SLACK_BOT_TOKEN (auth.test: ${err.data?.error ?? 'no answer'}); check the token and SLACK_API_URL`);
      });
      teamId = auth.team_id ?? '';
      directory = createDirectory(clients.lookups, options.log, { ...(options.lookupWaitMs ? { waitMs: options.lookupWaitMs } : {}) });
      push = createPushPoster(clients.push);
      const receiver = options.appToken
        ? { socketMode: true, appToken: options.appToken }
        : { receiver: createHttpReceiver({ signingSecret: options.signingSecret!, port: options.port ?? 3000, logger, log: options.log, seen: options.seen }) };
      app = new App({ token: options.botToken, botId: auth.bot_id, botUserId: auth.user_id, logger, clientOptions: { ...clientOptions, ...INTERACTIVE }, convoStore: false, ...receiver });
      const commandNames = new Map(Object.entries(options.commandNames ?? {}).map(([id, command]) => [command.toLowerCase(), id]));
      wire(app, { dispatch, client, directory, seen: options.seen, commandNames, watched: new Set(options.watchedChannels ?? []), botUserId: auth.user_id ?? '', log: options.log, track: tracker.track });
      const started = (await (options.appToken ? app.start() : app.start({ port: options.port ?? 3000, host: options.host }))) as unknown;
      if (!options.appToken) port = ((started as Server).address() as AddressInfo).port;
      options.log.info({ mode: options.appToken ? 'socket' : 'http', port, team: teamId }, 'slack adapter started');
    },
    async post(to: Destination, reply: Reply): Promise<PostResult> {
      if (!push || !directory) return { ok: false, error: 'not_started' };
      if (to.platform !== 'slack') return { ok: false, error: 'wrong_platform' };
      if (to.workspaceId !== ANY_WORKSPACE && to.workspaceId !== teamId) return { ok: false, error: 'wrong_workspace' };
      let channel: string | undefined;
      try {
        channel = to.kind === 'user' ? to.userId : SLACK_ID.test(to.channelId) ? to.channelId : await directory.channelId(to.channelId);
      } catch (err) {
        // The channel list is rate limited: the caller (the digest's delivery) waits as asked and tries again.
        if (err instanceof LookupRateLimited) return { ok: false, error: 'ratelimited', retryAfterMs: err.retryAfterMs };
        throw err;
      }
      if (!channel) return { ok: false, error: 'channel_not_found' };
      return push(channel, renderMessage(reply));
    },
    async stop() {
      await app?.stop();
      // Answers already under way are finished, within Kubernetes' default grace period.
      await tracker.drain();
    },
    settled: () => tracker.idle(),
  };
}

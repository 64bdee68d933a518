// The Slack inbox: a Bolt App (HTTP on PORT at /slack/events, or Socket Mode with an app token) wired to the core.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, SocketModeReceiver } from '@slack/bolt';
import { createAdmission, createTracker, type Dispatch, type Inbox } from '../../src/core/index.js';
import { baseClientOptions, createInboxClients, INTERACTIVE } from './clients.js';
import { createDirectory } from './directory.js';
import { wire } from './listeners.js';
import { createBoltLogger, type Log } from './log.js';
import { createHttpReceiver, type ExtraRoutes } from './receiver.js';
import { wireUnfurls, type Unfurls } from './unfurl.js';
import { createWatched } from './watched.js';

export interface SlackInboxOptions {
  botToken: string;
  /** HTTP mode: verifies every request. */
  signingSecret?: string;
  /** Socket Mode when set (an `xapp-` token with connections:write). */
  appToken?: string;
  /** Web API base, `https://slack.com/api/` unless testing or proxying. */
  apiUrl?: string;
  port?: number;
  host?: string;
  /** HTTP mode: other handlers on the events port (probes, metrics); GET /healthz answers "ok" by default. */
  extraRoutes?: ExtraRoutes;
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
  /** Counts an answer dropped under load (`past_deadline`, `overloaded`): the metrics port's `dropped`. */
  dropped?: (reason: string) => void;
  /** Answers computed at once (default 8); the rest wait, within their deadline. */
  concurrency?: number;
  /** GitHub issue links pasted in Slack (link_shared) unfurl to what this answers; no unfurls without it. */
  unfurls?: Unfurls;
}

export interface SlackInbox extends Inbox {
  /** The HTTP port actually bound (useful with port 0), once started in HTTP mode. */
  readonly port: number | undefined;
  /** Resolves when every event received so far has been answered. */
  settled(): Promise<void>;
}

export function createSlackInbox(options: SlackInboxOptions): SlackInbox {
  const logger = createBoltLogger(options.log);
  const tracker = createTracker();
  const admission = createAdmission({
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.dropped ? { dropped: options.dropped } : {}),
    warn: (fields, message) => options.log.warn(fields, `slack: ${message}`),
  });
  let app: App | undefined;
  let server: Server | undefined;
  let socketUp = false;
  let stopping: Promise<void> | undefined;

  /** Socket Mode: a receiver of our own, so readiness follows its connection (up after Slack's hello). */
  function socketReceiver(appToken: string) {
    // The socket client opens its connection through the Web API (apps.connections.open): same base and logger.
    const installerOptions = { clientOptions: baseClientOptions(options.apiUrl, logger) };
    const receiver = new SocketModeReceiver({ appToken, logger, installerOptions });
    receiver.client.on('connected', () => (socketUp = true));
    for (const down of ['disconnected', 'reconnecting']) receiver.client.on(down, () => (socketUp = false));
    return receiver;
  }

  return {
    platform: 'slack',
    get port() {
      return server ? (server.address() as AddressInfo).port : undefined;
    },
    ready: () => (options.appToken ? socketUp : (server?.listening ?? false)),
    async start(dispatch: Dispatch) {
      if (!options.appToken && !options.signingSecret)
        throw new Error('Slack needs SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode)');
      const clients = createInboxClients(options.botToken, options.apiUrl, logger);
      const client = clients.interactive;
      const auth = await client.auth.test().catch((err: { data?: { error?: string } }) => {
        throw new Error(
          `Slack refused SLACK_BOT_TOKEN (auth.test: ${err.data?.error ?? 'no answer'}); check the token and SLACK_API_URL`,
        );
      });
      const wait = options.lookupWaitMs ? { waitMs: options.lookupWaitMs } : {};
      const directory = createDirectory(clients.lookups, options.log, wait);
      const watched = await createWatched(options.watchedChannels ?? [], directory, options.log);
      const receiver = options.appToken
        ? socketReceiver(options.appToken)
        : createHttpReceiver({
            signingSecret: options.signingSecret!,
            port: options.port ?? 3000,
            logger,
            log: options.log,
            seen: options.seen,
            ...(options.extraRoutes ? { extraRoutes: options.extraRoutes } : {}),
          });
      const clientOptions = { ...baseClientOptions(options.apiUrl, logger), ...INTERACTIVE };
      const identity = { token: options.botToken, botId: auth.bot_id, botUserId: auth.user_id };
      app = new App({ ...identity, logger, clientOptions, convoStore: false, receiver });
      const renamed = Object.entries(options.commandNames ?? {});
      const commandNames = new Map(renamed.map(([id, command]) => [command.toLowerCase(), id]));
      const botUserId = auth.user_id ?? '';
      const { seen, log } = options;
      wire(app, {
        dispatch,
        client,
        directory,
        seen,
        commandNames,
        watched,
        botUserId,
        log,
        track: tracker.track,
        admit: admission.run,
      });
      if (options.unfurls) wireUnfurls(app, { client, unfurls: options.unfurls, seen, log });
      const started = (await (options.appToken
        ? app.start()
        : app.start({ port: options.port ?? 3000, host: options.host }))) as unknown;
      if (!options.appToken) server = started as Server;
      const port = server ? (server.address() as AddressInfo).port : undefined;
      options.log.info(
        { mode: options.appToken ? 'socket' : 'http', port, team: auth.team_id ?? '' },
        'slack adapter started',
      );
    },
    stop() {
      // Once only: a second stop (a signal during shutdown) waits for the first.
      stopping ??= (async () => {
        await app?.stop();
        // Answers already under way are finished, within Kubernetes' default grace period.
        await tracker.drain();
      })();
      return stopping;
    },
    settled: () => tracker.idle(),
  };
}

// The Discord inbox: a discord.js gateway client with no privileged intent, wired to the core's dispatch.
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, Options, Partials } from 'discord.js';
import {
  createAdmission,
  createTracker,
  type CommandSpec,
  type Dispatch,
  type Inbox,
  type Locale,
  type Lookup,
  type Suggestion,
} from '../../src/core/index.js';
import { createKit, describeError, NO_MENTIONS, type Log } from './context.js';
import { createInteractionHandler } from './interactions.js';
import { createMessageHandler } from './messages.js';
import { watchRest } from './rest-log.js';
import { createStashes, type StashPort } from './stash.js';

export interface DiscordInboxOptions {
  token: string;
  applicationId: string;
  /** REST base, `https://discord.com/api` in production; the gateway address comes from `GET /gateway/bot`. */
  apiUrl: string;
  /** The registry's commands: option order (for the capability's text) and which options autocomplete. */
  commands: readonly CommandSpec[];
  /** Autocomplete sources by name (`sigs`), answered from memory. */
  suggestions: Readonly<Record<string, readonly Suggestion[]>>;
  lookup: Lookup;
  defaultLocale: Locale;
  log: Log;
  /**
   * Records a message id; true when some process handled it before. Every process logged in with the
   * token receives the same messages, so replicas share this through the store and answer once.
   * (Interactions need nothing: Discord accepts one acknowledgement and refuses the others.)
   */
  seen?(eventId: string): Promise<boolean>;
  /**
   * The community's servers. Anyone can invite a public bot to a server of their own: elsewhere it
   * answers commands with one sentence saying it serves another community, ignores mentions, and
   * never resolves a channel name there. Unset: every server is served, and a channel name resolves
   * only when a single server has it.
   */
  guildIds?: readonly string[];
  /**
   * The community's newcomer channels (names or ids): plain messages there reach the core, which answers
   * clear questions only, as on Slack. Discord gives their text only with the Message Content intent.
   */
  newcomerChannels?: readonly string[];
  /** The privileged Message Content intent, once enabled in the Developer Portal (else login fails). */
  messageContent?: boolean;
  /** Where values too long for a custom_id are kept for every replica (the store); else in this process only. */
  stash?: StashPort;
  /** Counts an answer dropped under load (`past_deadline`, `overloaded`): the metrics port's `dropped`. */
  dropped?: (reason: string) => void;
  /** Answers computed at once (default 8); the rest wait, within their deadline. */
  concurrency?: number;
}

/**
 * An interaction must be acknowledged within 3 s of its creation: one that waited longer than this for a slot
 * is dropped (deferring it would fail with Unknown interaction), leaving time for the deferral's round trip.
 * Counted from its arrival here, not from its snowflake, so the host's clock skew does not matter.
 */
export const INTERACTION_START_MS = 2500;
/** A mention answered a minute late answers nothing any more. */
export const MESSAGE_START_MS = 60_000;

/** How many long values, ids and menus this process remembers for custom_ids (least recently used dropped first). */
const MEMORY = 5000;

export function createDiscordInbox(options: DiscordInboxOptions): Inbox {
  const client = new Client({
    // GuildMessages is not privileged: it delivers server messages, whose text Discord fills in only when
    // they mention the bot — exactly the ones answered. No MessageContent, GuildMembers or presences.
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.DirectMessages,
      ...(options.messageContent ? [GatewayIntentBits.MessageContent] : []),
    ],
    partials: [Partials.Channel], // direct-message channels are never in the cache
    allowedMentions: NO_MENTIONS,
    rest: { api: options.apiUrl },
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0 }),
  });
  const notStarted: Dispatch = async () => [];
  const served = options.guildIds?.length ? new Set(options.guildIds) : null;
  const newcomer = new Set((options.newcomerChannels ?? []).map((c) => c.replace(/^#/, '')));
  const kit = createKit(
    {
      me: { workspaceId: options.applicationId, botId: '', botRoleIds: [] },
      dispatch: notStarted,
      specs: new Map(options.commands.map((c) => [c.name, c])),
      suggestions: options.suggestions,
      stashes: createStashes(MEMORY, options.stash, options.log),
      log: options.log,
      // If the store cannot say, answering twice beats silence (as on Slack); said in the log.
      seen: async (id) =>
        options.seen
          ? options.seen(id).catch((err: unknown) => {
              options.log.warn({ err: describeError(err), eventId: id }, 'discord event not deduplicated');
              return false;
            })
          : false,
      serves: (guildId) => guildId === null || served === null || served.has(guildId),
      watches: (channelId, channelName) => newcomer.has(channelId) || (!!channelName && newcomer.has(channelName)),
    },
    options.lookup,
    options.defaultLocale,
  );
  const onInteraction = createInteractionHandler(kit);
  const onMessage = createMessageHandler(kit);
  // Every answer under way is tracked so stop() can let it finish: a mention recorded as seen, or a
  // deferred command, would otherwise never be answered once the store closes.
  const tracker = createTracker();
  const admission = createAdmission({
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.dropped ? { dropped: options.dropped } : {}),
    warn: (fields, message) => options.log.warn(fields, `discord: ${message}`),
  });
  let stopping: Promise<void> | undefined;
  // Once stopping, events are left alone (not acknowledged, not recorded as seen): another replica, or
  // this one's successor, can still answer them.
  client.on(Events.InteractionCreate, (i) => {
    if (!stopping) void tracker.track(admission.run(Date.now() + INTERACTION_START_MS, () => onInteraction(i)));
  });
  client.on(Events.MessageCreate, (m) => {
    if (!stopping) void tracker.track(admission.run(Date.now() + MESSAGE_START_MS, () => onMessage(m)));
  });
  client.on(Events.Error, (err) => options.log.error({ err: describeError(err) }, 'discord client error'));
  watchRest(client.rest, options.log);

  /** Says at start what a server list would change, since being invited elsewhere is silent. */
  function checkServers() {
    const ids = [...client.guilds.cache.keys()];
    if (served === null) {
      options.log.warn(
        { guilds: ids.length },
        'discord: DISCORD_GUILD_IDS is not set, so the bot serves any server that invites it; set it to the community server ids',
      );
      return;
    }
    const others = ids.filter((id) => !served.has(id)).length;
    const missing = [...served].filter((id) => !client.guilds.cache.has(id));
    if (others > 0)
      options.log.warn(
        { others },
        'discord: invited to servers outside DISCORD_GUILD_IDS; it answers there only that it serves another community',
      );
    if (missing.length > 0)
      options.log.warn(
        { missing },
        'discord: not a member of every server in DISCORD_GUILD_IDS (invite it there, or check the ids)',
      );
  }

  return {
    platform: 'discord',
    // Logged in and READY, and not stopping: discord.js reconnects by itself and is not ready meanwhile.
    ready: () => client.isReady() && !stopping,
    async start(dispatch) {
      kit.dispatch = dispatch;
      const ready = once(client, Events.ClientReady);
      await client.login(options.token);
      await ready;
      kit.me.botId = client.user!.id;
      options.log.info({ guilds: client.guilds.cache.size, bot: client.user!.id }, 'discord connected');
      checkServers();
    },
    stop() {
      stopping ??= (async () => {
        // Within Kubernetes' grace period; whatever is still running after it gets nothing more from the core.
        if (!(await tracker.drain())) options.log.warn({}, 'discord: stopped with answers still under way');
        kit.dispatch = notStarted;
        await client.destroy();
      })();
      return stopping;
    },
  };
}

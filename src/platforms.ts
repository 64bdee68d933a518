// Which platforms a configuration runs, each as an inbox and an outbox built separately, with their options as
// `npm start` builds them (also for tests, benches and the CLI, which builds outboxes alone).
// Types only: each SDK (Bolt, discord.js: together 2-3 s to import) loads when its platform is configured.
import type { DiscordInboxOptions, DiscordOutboxOptions } from '../adapters/discord/index.js';
import type { SlackInboxOptions, SlackOutboxOptions } from '../adapters/slack/index.js';
import type { ExtraRoutes } from '../adapters/slack/receiver.js';
import type { Booted } from './boot.js';
import { capabilities as registry } from './capabilities/index.js';
import { sigSuggestions } from './content/suggestions.js';
import type { Capability } from './core/capability.js';
import type { Metrics } from './metrics/port.js';
import type { Deps } from './wiring/deps.js';
import { createIssueUnfurler } from './wiring/issue-unfurl.js';
import { commandSpecs, createLookup } from './core/commands.js';
import type { Inbox, Outbox } from './core/types.js';
import { createActionStash } from './store/action-stash.js';
import type { Database } from './store/database.js';
import { createProcessedEvents } from './store/processed-events.js';

/** What an adapter is wired to: the bot's deps, its database, and the capabilities it offers. */
export interface Wiring {
  deps: Deps;
  db: Database['db'];
  capabilities?: readonly Capability[];
  /** Where inboxes count the answers they drop under load (the service's /metrics); uncounted without it. */
  metrics?: Metrics;
}

/** Slack's outbox: the Web API with the bot token, nothing else. */
export function slackOutboxOptions({ deps }: Pick<Wiring, 'deps'>, botToken: string): SlackOutboxOptions {
  return { botToken, apiUrl: deps.config.SLACK_API_URL, log: deps.log.child({ platform: 'slack' }) };
}

/** Slack's inbox: Socket Mode with an app token, otherwise HTTP on PORT; joins are welcomed in the newcomer channels. */
export function slackInboxOptions({ deps, db, metrics }: Wiring, botToken: string): SlackInboxOptions {
  const { config, content } = deps;
  const processed = createProcessedEvents(db);
  return {
    botToken,
    ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : { signingSecret: config.SLACK_SIGNING_SECRET }),
    apiUrl: config.SLACK_API_URL,
    port: config.PORT,
    watchedChannels: content.community.channels.newcomer.slack ?? [],
    ...(config.SLACK_COMMAND_NAMES ? { commandNames: config.SLACK_COMMAND_NAMES } : {}),
    seen: (id) => processed.seen('slack', id, deps.now()),
    log: deps.log.child({ platform: 'slack' }),
    ...(metrics ? { dropped: (reason: string) => metrics.dropped('slack', reason) } : {}),
    unfurls: createIssueUnfurler(deps),
  };
}

/** Discord's outbox: REST with the bot token; its own words from the locales, long values kept in the store. */
export function discordOutboxOptions({ deps, db }: Wiring, token: string): DiscordOutboxOptions {
  const stash = createActionStash(db);
  return {
    token,
    apiUrl: deps.config.DISCORD_API_URL,
    lookup: createLookup(deps.translator),
    defaultLocale: deps.config.DEFAULT_LOCALE,
    log: deps.log.child({ platform: 'discord' }),
    ...(deps.config.DISCORD_GUILD_IDS ? { guildIds: deps.config.DISCORD_GUILD_IDS } : {}),
    stash: { put: (entries) => stash.put(entries, deps.now()), get: (key) => stash.get(key, deps.now()) },
  };
}

/** Discord's inbox: commands from the registry, SIG autocomplete from the catalogue, its own words from the locales. */
export function discordInboxOptions(
  { deps, db, capabilities = registry, metrics }: Wiring,
  token: string,
  applicationId: string,
): DiscordInboxOptions {
  const processed = createProcessedEvents(db);
  const stash = createActionStash(db);
  return {
    token,
    applicationId,
    apiUrl: deps.config.DISCORD_API_URL,
    commands: commandSpecs(capabilities, deps.content.community.commands),
    suggestions: { sigs: sigSuggestions(deps.content) },
    lookup: createLookup(deps.translator),
    defaultLocale: deps.config.DEFAULT_LOCALE,
    log: deps.log.child({ platform: 'discord' }),
    seen: (id) => processed.seen('discord', id, deps.now()),
    ...(deps.config.DISCORD_GUILD_IDS ? { guildIds: deps.config.DISCORD_GUILD_IDS } : {}),
    // Like Slack's: plain messages in the newcomer channels, once Discord sends their text.
    newcomerChannels: deps.content.community.channels.newcomer.discord,
    messageContent: deps.config.DISCORD_MESSAGE_CONTENT,
    // Menu pages and long values, shared so a click is understood by whichever replica answers it.
    stash: { put: (entries) => stash.put(entries, deps.now()), get: (key) => stash.get(key, deps.now()) },
    ...(metrics ? { dropped: (reason: string) => metrics.dropped('discord', reason) } : {}),
  };
}

/** The outboxes this configuration can post through: REST only, no receiver, port or gateway session. */
export async function platformOutboxes({ deps, database }: Pick<Booted, 'deps' | 'database'>): Promise<Outbox[]> {
  const { config } = deps;
  const wiring = { deps, db: database.db };
  const out: Outbox[] = [];
  if (config.SLACK_BOT_TOKEN) {
    const { createSlackOutbox } = await import('../adapters/slack/index.js');
    out.push(createSlackOutbox(slackOutboxOptions(wiring, config.SLACK_BOT_TOKEN)));
  }
  if (config.DISCORD_TOKEN) {
    const { createDiscordOutbox } = await import('../adapters/discord/index.js');
    out.push(createDiscordOutbox(discordOutboxOptions(wiring, config.DISCORD_TOKEN)));
  }
  return out;
}

/** The inboxes this configuration asks for (`npm start`). */
/** `routes`: the probes and metrics, served by Slack's HTTP receiver when it owns PORT; `metrics` counts shed work. */
export async function platformInboxes(
  { deps, database }: Pick<Booted, 'deps' | 'database'>,
  routes?: ExtraRoutes,
  metrics?: Metrics,
): Promise<Inbox[]> {
  const { config } = deps;
  const wiring = { deps, db: database.db, ...(metrics ? { metrics } : {}) };
  const out: Inbox[] = [];
  if (config.SLACK_BOT_TOKEN) {
    const { createSlackInbox } = await import('../adapters/slack/index.js');
    out.push(
      createSlackInbox({
        ...slackInboxOptions(wiring, config.SLACK_BOT_TOKEN),
        ...(routes ? { extraRoutes: routes } : {}),
      }),
    );
  }
  if (config.DISCORD_TOKEN && config.DISCORD_APPLICATION_ID) {
    const { createDiscordInbox } = await import('../adapters/discord/index.js');
    out.push(createDiscordInbox(discordInboxOptions(wiring, config.DISCORD_TOKEN, config.DISCORD_APPLICATION_ID)));
  }
  return out;
}

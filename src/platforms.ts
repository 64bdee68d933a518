// Which platform adapters a configuration runs, and their options as `npm start` builds them (also for tests and benches).
import { createDiscordAdapter, type DiscordOptions } from '../adapters/discord/index.js';
import { createSlackAdapter, type SlackAdapterOptions } from '../adapters/slack/index.js';
import type { Booted } from './boot.js';
import { capabilities as registry } from './capabilities/index.js';
import { sigSuggestions } from './content/suggestions.js';
import type { Capability } from './core/capability.js';
import type { Deps } from './wiring/deps.js';
import { commandSpecs, createLookup } from './core/commands.js';
import type { ChatAdapter } from './core/types.js';
import { createActionStash } from './store/action-stash.js';
import type { Database } from './store/database.js';
import { createProcessedEvents } from './store/processed-events.js';

/** What an adapter is wired to: the bot's deps, its database, and the capabilities it offers. */
export interface Wiring {
  deps: Deps;
  db: Database['db'];
  capabilities?: readonly Capability[];
}

/** Slack: Socket Mode with an app token, otherwise HTTP on PORT; joins are welcomed in the newcomer channels. */
export function slackAdapterOptions({ deps, db }: Wiring, botToken: string): SlackAdapterOptions {
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
  };
}

/** Discord: commands from the registry, SIG autocomplete from the catalogue, its own words from the locales. */
export function discordAdapterOptions({ deps, db, capabilities = registry }: Wiring, token: string, applicationId: string): DiscordOptions {
  const processed = createProcessedEvents(db);
  const stash = createActionStash(db);
  return {
    token,
    applicationId,
    apiUrl: deps.config.DISCORD_API_URL,
    commands: commandSpecs(capabilities),
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
  };
}

/** The platform adapters this configuration asks for. */
export function platformAdapters({ deps, database }: Booted): ChatAdapter[] {
  const adapters: ChatAdapter[] = [];
  const { config } = deps;
  const wiring = { deps, db: database.db };
  if (config.SLACK_BOT_TOKEN) adapters.push(createSlackAdapter(slackAdapterOptions(wiring, config.SLACK_BOT_TOKEN)));
  if (config.DISCORD_TOKEN && config.DISCORD_APPLICATION_ID)
    adapters.push(createDiscordAdapter(discordAdapterOptions(wiring, config.DISCORD_TOKEN, config.DISCORD_APPLICATION_ID)));
  return adapters;
}

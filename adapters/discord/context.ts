// What the Discord handlers share: rendering (keeping what custom_ids point to), words, safe logging.
import { DiscordAPIError, HTTPError, type MessageMentionOptions } from 'discord.js';
import {
  markupToPlain,
  toLocale,
  type CommandSpec,
  type Dispatch,
  type Locale,
  type Lookup,
  type Reply,
  type Suggestion,
} from '../../src/core/index.js';
import type { Me } from './inbound.js';
import type { DiscordMessage } from './layout.js';
import { renderReply, type Words } from './render.js';
import type { Stashes } from './stash.js';

/** Nobody is ever pinged by what the bot writes: no @everyone, @here, role or user mention, no reply ping. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [], repliedUser: false };

/** The structured logger the adapter is given (pino's shape); user text and tokens never go in it. */
export interface Log {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface Kit {
  me: Me;
  dispatch: Dispatch;
  specs: ReadonlyMap<string, CommandSpec>;
  suggestions: Readonly<Record<string, readonly Suggestion[]>>;
  stashes: Stashes;
  log: Log;
  /** True when this message was answered already (by another replica); never throws. */
  seen(eventId: string): Promise<boolean>;
  /** Whether the bot answers in this server (null: a direct message, always answered). */
  serves(guildId: string | null): boolean;
  /** Whether plain messages in this channel are read (a newcomer channel, by id or name). */
  watches(channelId: string, channelName?: string | null): boolean;
  /** Sentences of the adapter itself (`discord.*`), with English when a locale lacks one. */
  say(locale: Locale, key: string, params?: Record<string, string | number>): string;
  /** The locale for the adapter's own words: the reply's, else the person's Discord client, else the default. */
  localeOf(reply?: Reply, discordLocale?: string | null): Locale;
  words(locale: Locale): Words;
  /** The messages of a reply, once what their custom_ids point to is kept. */
  render(reply: Reply, discordLocale?: string | null): Promise<DiscordMessage[]>;
}

/** The adapter's own words and rendering: what the inbox and the outbox share. */
export type Voice = Pick<Kit, 'say' | 'localeOf' | 'words' | 'render'>;

export function createVoice(stashes: Stashes, lookup: Lookup, defaultLocale: Locale): Voice {
  const say = (locale: Locale, key: string, params?: Record<string, string | number>) =>
    markupToPlain(lookup(locale, key, params) ?? lookup('en', key, params) ?? key);
  const localeOf = (reply?: Reply, discordLocale?: string | null) =>
    reply?.locale ?? toLocale(discordLocale) ?? defaultLocale;
  const words = (locale: Locale): Words => ({
    more: say(locale, 'discord.menu_more'),
    back: say(locale, 'discord.menu_back'),
    range: (from, to, total) => say(locale, 'discord.menu_range', { from, to, total }),
    trimmed: say(locale, 'discord.trimmed'),
  });
  return {
    say,
    localeOf,
    words,
    async render(reply, discordLocale) {
      const { messages, stash } = renderReply(reply, words(localeOf(reply, discordLocale)));
      await stashes.keep(stash);
      return messages;
    },
  };
}

export function createKit(base: Omit<Kit, keyof Voice>, lookup: Lookup, defaultLocale: Locale): Kit {
  return { ...base, ...createVoice(base.stashes, lookup, defaultLocale) };
}

/** Interaction tokens ride in webhook and callback paths: they are replaced before anything is logged. */
export function safePath(url: string): string {
  try {
    return new URL(url).pathname.replace(/\/(webhooks|interactions)\/([^/]+)\/[^/]+/, '/$1/$2/[token]');
  } catch {
    return '[unparsable]';
  }
}

/** An error as log fields: status, Discord's code and message, the path without tokens; never the request body. */
export function describeError(err: unknown): Record<string, unknown> {
  if (err instanceof DiscordAPIError)
    return {
      name: err.name,
      status: err.status,
      code: err.code,
      method: err.method,
      path: safePath(err.url),
      message: err.message,
    };
  if (err instanceof HTTPError)
    return { name: err.name, status: err.status, method: err.method, path: safePath(err.url) };
  if (err instanceof Error)
    return { name: err.name, message: err.message.replace(/https?:\/\/\S+/g, (u) => safePath(u)) };
  return { message: String(err) };
}

/** Discord's code for "this person does not accept direct messages from the bot". */
export const CANNOT_DM = 50007;

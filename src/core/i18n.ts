// Message catalogues per locale: lookup with English fallback, and parameters escaped as markup.
import { createCommandNaming, type CommandNames, type Where } from './command-names.js';
import { escapeMarkup } from './markup.js';
import { LOCALES, type Locale } from './types.js';

export type Catalogue = Record<string, string>;
export type Params = Record<string, string | number>;
export type Translate = (key: string, params?: Params) => string;

export interface Translator {
  readonly locales: readonly Locale[];
  /**
   * A translate function bound to one locale. Given where the text will be read, the slash commands in
   * its sentences are named as that platform shows them (a person's words in parameters are left alone).
   */
  bind(locale: Locale, where?: Where): Translate;
  has(locale: Locale, key: string): boolean;
  /** The same command naming, for the bot's own texts that are not in the catalogues (help's usage lines). */
  nameCommands(text: string, where?: Where): string;
}

export interface TranslatorOptions {
  /** Commands a platform names differently from `/<capability id>`, by platform (Slack's SLACK_COMMAND_NAMES). */
  commandNames?: Partial<Record<string, CommandNames>>;
  /** The community's names for commands on every platform, by capability id, without the slash (`{ sig: 'team' }`). */
  communityCommands?: CommandNames;
}

const PLACEHOLDER = /\{(\w+)\}/g;
/** `{count:issue|issues}`: the singular or plural form for that number, by the locale's plural rules. */
const PLURAL = /\{(\w+):([^{}|]*)\|([^{}]*)\}/g;

/** Parameter names a message uses (as values or to choose a plural), so locale parity can be checked. */
export function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(PLACEHOLDER), ...message.matchAll(PLURAL)].map((m) => m[1]!))].sort();
}

const pluralRules: Partial<Record<string, Intl.PluralRules>> = {};

/**
 * The languages the loaded content speaks (its locale files): set by the last translator created, so the
 * platform's locale and `/language` accept exactly what a community added. Until then, the built-in ones.
 */
let spoken: readonly Locale[] = LOCALES;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && spoken.includes(value);
}

/** Maps a platform locale such as `fr-FR` or `en-US` to one the bot speaks, if any. */
export function toLocale(value: string | undefined | null): Locale | undefined {
  const base = value?.toLowerCase().split(/[-_]/)[0];
  return isLocale(base) ? base : undefined;
}

/**
 * Parameters are escaped so that a GitHub title or a user name can never become markup. A parameter
 * whose name ends in `Markup` is trusted markup built by the bot itself (a list it composed).
 */
export function createTranslator(catalogues: Record<Locale, Catalogue>, options: TranslatorOptions = {}): Translator {
  const naming = createCommandNaming(catalogues, options.commandNames, options.communityCommands);
  const languages = Object.keys(catalogues);
  spoken = languages;
  const english = catalogues.en ?? {};
  const format = (message: string, locale: Locale, params: Params = {}) =>
    message
      .replace(PLURAL, (whole, name: string, one: string, other: string) => {
        const n = params[name];
        if (typeof n !== 'number') return whole;
        // French says "1 issue" and "0 issue", English "1 issue" and "0 issues": Intl knows which.
        return (pluralRules[locale] ??= new Intl.PluralRules(locale)).select(n) === 'one' ? one : other;
      })
      .replace(PLACEHOLDER, (whole, name: string) => {
        const value = params[name];
        if (value === undefined) return whole;
        return name.endsWith('Markup') ? String(value) : escapeMarkup(String(value));
      });
  return {
    locales: languages,
    has: (locale, key) => key in (catalogues[locale] ?? {}),
    bind(locale, where) {
      // A language the content does not (or only partly) translate reads English, the complete fallback.
      const own = catalogues[locale] ?? {};
      return (key, params) => {
        const message = own[key] ?? english[key];
        return message === undefined
          ? key
          : format(naming.name(message, where), own[key] === undefined ? 'en' : locale, params);
      };
    },
    nameCommands: (text, where) => naming.name(text, where),
  };
}

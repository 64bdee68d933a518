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
  nameCommands(text: string, locale: Locale, where?: Where): string;
}

export interface TranslatorOptions {
  /** Commands a platform names differently from `/<capability id>`, by platform (Slack's SLACK_COMMAND_NAMES). */
  commandNames?: Partial<Record<string, CommandNames>>;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** Placeholder names used by a message, so locale parity can be checked. */
export function placeholders(message: string): string[] {
  return [...message.matchAll(PLACEHOLDER)].map((m) => m[1]!).sort();
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
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
  const naming = createCommandNaming(catalogues, options.commandNames);
  const format = (message: string, params: Params = {}) =>
    message.replace(PLACEHOLDER, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return name.endsWith('Markup') ? String(value) : escapeMarkup(String(value));
    });
  return {
    locales: LOCALES,
    has: (locale, key) => key in catalogues[locale],
    bind(locale, where) {
      return (key, params) => {
        const message = catalogues[locale][key] ?? catalogues.en[key];
        return message === undefined ? key : format(naming.name(message, locale, where), params);
      };
    },
    nameCommands: (text, locale, where) => naming.name(text, locale, where),
  };
}

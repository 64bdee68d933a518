// What adapters need to publish slash commands without importing capabilities: specs and sentence lookup.
import type { Capability, CommandOption } from './capability.js';
import type { Params, Translator } from './i18n.js';
import type { Locale } from './types.js';

export type { CommandOption };

/** One slash command as the registry defines it: the capability id and its options, in order. */
export interface CommandSpec {
  name: string;
  options: CommandOption[];
}

/** Something a person may pick while typing an option (Discord autocomplete), held in memory. */
export interface Suggestion {
  value: string;
  label: string;
  /** Words it answers to besides its label: id, aliases, keywords. */
  terms: string[];
}

/** A sentence in one locale, or undefined when that locale lacks it (no silent English fallback). */
export type Lookup = (locale: Locale, key: string, params?: Params) => string | undefined;

export function commandSpecs(capabilities: readonly Capability[]): CommandSpec[] {
  return capabilities.flatMap((c) => (c.command === false ? [] : [{ name: c.id, options: c.command }]));
}

export function createLookup(translator: Translator): Lookup {
  return (locale, key, params) => (translator.has(locale, key) ? translator.bind(locale)(key, params) : undefined);
}

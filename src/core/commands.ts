// What adapters need to publish slash commands without importing capabilities: specs and sentence lookup.
import type { Capability, CommandOption } from './capability.js';
import type { Params, Translator } from './i18n.js';
import type { Locale } from './types.js';

export type { CommandOption };

/** One slash command as the registry defines it: the name people type, the capability it runs, its options in order. */
export interface CommandSpec {
  /** The name registered and typed: the capability id, or the community's name for it (`team` for `sig`). */
  name: string;
  /** The capability id, the key of its texts (`help.<id>`, `discord.command.<id>.name`); `name` when absent. */
  id?: string;
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

/** `names`: the community's names for commands by capability id (community.yaml's `commands`). */
export function commandSpecs(
  capabilities: readonly Capability[],
  names: Readonly<Record<string, string>> = {},
): CommandSpec[] {
  return capabilities.flatMap((c) =>
    c.command === false ? [] : [{ name: names[c.id] ?? c.id, id: c.id, options: c.command }],
  );
}

export function createLookup(translator: Translator): Lookup {
  return (locale, key, params) => (translator.has(locale, key) ? translator.bind(locale)(key, params) : undefined);
}

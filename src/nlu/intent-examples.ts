// Parses the example messages the intent classifier learns from (nlu/intents*.<lang>.txt) and their padding.
import { INTENTS, type Intent } from './types.js';

export interface LabelledText {
  text: string;
  intent: Intent;
  lang: string;
}

/** Sections of a `[name]`-headed text file; `#` lines and blank lines are skipped; a bad header is an error at its line. */
function sections(source: string, label: string, valid: (name: string) => string | null): { name: string; line: string }[] {
  const out: { name: string; line: string }[] = [];
  let name: string | null = null;
  source.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const header = /^\[([a-z_.]+)\]$/.exec(line);
    if (header) {
      const problem = valid(header[1]!);
      if (problem) throw new Error(`${label}:${i + 1}: ${problem}`);
      name = header[1]!;
    } else if (!name) throw new Error(`${label}:${i + 1}: a line before any [section] header`);
    else out.push({ name, line });
  });
  return out;
}

/** `[intent]` starts a section, `#` a comment; every other non-blank line is one message. */
export function parseExamples(source: string, label: string, lang: 'en' | 'fr'): LabelledText[] {
  const known = (name: string) => ((INTENTS as readonly string[]).includes(name) ? null : `unknown intent [${name}]`);
  return sections(source, label, known).map(({ name, line }) => ({ text: line, intent: name as Intent, lang }));
}

export type Fillers = Record<'before' | 'after', Record<'en' | 'fr', string[]>>;

export function parseFillers(source: string, label: string): Fillers {
  const out: Fillers = { before: { en: [], fr: [] }, after: { en: [], fr: [] } };
  const known = (name: string) => (/^(?:before|after)\.(?:en|fr)$/.test(name) ? null : `unknown section [${name}]`);
  for (const { name, line } of sections(source, label, known)) {
    const [where, lang] = name.split('.') as ['before' | 'after', 'en' | 'fr'];
    out[where][lang].push(line);
  }
  return out;
}

/**
 * Each example once as written and once padded with a greeting, an introduction or thanks (picked by a
 * seeded generator), because real messages wrap their request in such sentences.
 */
export function withPadding(examples: LabelledText[], fillers: Fillers, seed = 11): LabelledText[] {
  let state = seed;
  const next = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const padded = examples.map((e) => {
    const before = (fillers.before as Record<string, string[]>)[e.lang] ?? [];
    const after = (fillers.after as Record<string, string[]>)[e.lang] ?? [];
    const shape = next(3);
    const head = shape !== 1 && before.length > 0 ? `${before[next(before.length)]} ` : '';
    const tail = shape !== 0 && after.length > 0 ? ` ${after[next(after.length)]}` : '';
    return { ...e, text: `${head}${e.text}${tail}` };
  });
  return [...examples, ...padded];
}

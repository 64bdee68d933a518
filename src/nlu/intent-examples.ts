// Parses the example messages the intent classifier learns from (nlu/intents*.<lang>.txt) and their padding.
import { INTENTS, type Intent } from './types.js';

export interface LabelledText {
  text: string;
  intent: Intent;
  lang: string;
}

/** Sections of a `[name]`-headed text file; `#` lines and blank lines are skipped; a bad header is an error at its line. */
function sections(
  source: string,
  label: string,
  valid: (name: string) => string | null,
): { name: string; line: string }[] {
  const out: { name: string; line: string }[] = [];
  let name: string | null = null;
  source.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const header = /^\[([a-z0-9_.-]+)\]$/.exec(line);
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
export function parseExamples(source: string, label: string, lang: string): LabelledText[] {
  const known = (name: string) => ((INTENTS as readonly string[]).includes(name) ? null : `unknown intent [${name}]`);
  return sections(source, label, known).map(({ name, line }) => ({ text: line, intent: name as Intent, lang }));
}

/** Padding sentences by position and language code: `[before.es]` goes before a Spanish example. */
export type Fillers = Record<'before' | 'after', Record<string, string[]>>;

const FILLER_SECTION = /^(before|after)\.([a-z]{2,3}(?:-[a-z0-9]{2,8})?)$/;

/** `spoken` refuses a section in a language the content does not speak (the bundled file is not asked). */
export function parseFillers(source: string, label: string, spoken: (lang: string) => boolean = () => true): Fillers {
  const out: Fillers = { before: {}, after: {} };
  const known = (name: string) => {
    const m = FILLER_SECTION.exec(name);
    if (!m) return `unknown section [${name}] (expected [before.<lang>] or [after.<lang>])`;
    return spoken(m[2]!) ? null : `[${name}]: a language the content has no locales/${m[2]}.json for`;
  };
  for (const { name, line } of sections(source, label, known)) {
    const [, where, lang] = FILLER_SECTION.exec(name) as unknown as [string, 'before' | 'after', string];
    (out[where][lang] ??= []).push(line);
  }
  return out;
}

/** The languages `mine` has sections for replace those of `base`; the others stay. */
export function mergeFillers(base: Fillers, mine: Fillers): Fillers {
  const langs = new Set([...Object.keys(mine.before), ...Object.keys(mine.after)]);
  const pick = (where: 'before' | 'after') => {
    const out = Object.fromEntries(Object.entries(base[where]).filter(([lang]) => !langs.has(lang)));
    for (const lang of langs) out[lang] = mine[where][lang] ?? [];
    return out;
  };
  return { before: pick('before'), after: pick('after') };
}

/** Only the languages `keep` accepts, keys sorted (the model's fingerprint reads this). */
export function onlyLanguages(fillers: Fillers, keep: (lang: string) => boolean): Fillers {
  const pick = (where: 'before' | 'after') =>
    Object.fromEntries(
      Object.entries(fillers[where])
        .filter(([lang]) => keep(lang))
        .sort(([x], [y]) => x.localeCompare(y)),
    );
  return { before: pick('before'), after: pick('after') };
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
    const before = fillers.before[e.lang] ?? [];
    const after = fillers.after[e.lang] ?? [];
    const shape = next(3);
    const head = shape !== 1 && before.length > 0 ? `${before[next(before.length)]} ` : '';
    const tail = shape !== 0 && after.length > 0 ? ` ${after[next(after.length)]}` : '';
    return { ...e, text: `${head}${e.text}${tail}` };
  });
  return [...examples, ...padded];
}

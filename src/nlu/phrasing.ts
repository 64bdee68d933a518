// Spells phrasing out the same way whatever the writer typed: no accents, contractions and elisions expanded.
import { stripAccents } from './tokenize.js';

// English contractions become their full words so that "I'd like" and "I would like" are one cue.
const CONTRACTIONS: [RegExp, string][] = [
  [/\bcan'?t\b/g, 'can not'],
  [/\bwon'?t\b/g, 'will not'],
  [/\b(\w+)n't\b/g, '$1 not'],
  [/\bi'm\b/g, 'i am'],
  [/\b(i|you|we|they|he|she|it|that|there|who)'d\b/g, '$1 would'],
  [/\b(i|you|we|they|he|she|it|that|there|who)'ll\b/g, '$1 will'],
  [/\b(i|you|we|they|who)'ve\b/g, '$1 have'],
  [/\b(you|we|they|who)'re\b/g, '$1 are'],
  [/\b(it|that|there|what|who|here|he|she|let)'s\b/g, '$1 is'],
];
/** Chat spellings, in one pass: "wanna", "pls", "u", "im", "id like". */
const SLANG: Record<string, string> = {
  wanna: 'want to',
  gonna: 'going to',
  gotta: 'got to',
  pls: 'please',
  plz: 'please',
  u: 'you',
  im: 'i am',
  'id like': 'i would like',
  cant: 'can not',
  wont: 'will not',
};
const SLANG_RE = /\b(?:wanna|gonna|gotta|pls|plz|u|im|id like|cant|wont)\b/g;

/** French elisions (j', l', d', qu'…) become the full word, so "j'aimerais" reads "je aimerais". */
const ELISION = /\b(j|l|d|m|t|s|c|n|qu|jusqu|lorsqu|puisqu)'/g;
const ELIDED: Record<string, string> = {
  j: 'je ',
  l: 'le ',
  d: 'de ',
  m: 'me ',
  t: 'te ',
  s: 'se ',
  c: 'ce ',
  n: 'ne ',
  qu: 'que ',
  jusqu: 'jusque ',
  lorsqu: 'lorsque ',
  puisqu: 'puisque ',
};

/**
 * Lowercase, accent-free text with single spaces and punctuation kept (a "?" matters), ready for the
 * cue patterns; the input is already cleaned and bounded.
 */
export function spellOut(cleaned: string): string {
  let s = stripAccents(cleaned.toLowerCase())
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”«»]/g, '"');
  if (s.includes("'")) {
    s = s.replace(ELISION, (_m, w: string) => ELIDED[w] ?? `${w} `);
    for (const [re, to] of CONTRACTIONS) s = s.replace(re, to);
  }
  s = s.replace(SLANG_RE, (m) => SLANG[m] ?? m);
  // Punctuation stands apart so word patterns see clean boundaries ("issue?" → "issue ?").
  return s
    .replace(/([?!,;:()])/g, ' $1 ')
    .replace(/\.(?=\s|$)/g, ' . ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words of spelled-out text (placeholders `@user`, `<url>`, `#num` stay whole). */
export function words(spelled: string): string[] {
  return spelled.split(' ').filter((w) => /[\p{L}\p{N}@#<]/u.test(w));
}

// Word splitting shared by every part of understanding: lowercase, accents kept, bounded work.

/** Text longer than this is cut before analysis: nobody asks a question in 20 kB, and time stays linear. */
export const MAX_ANALYSED_CHARS = 4000;

export function normalize(text: string): string {
  return text.slice(0, MAX_ANALYSED_CHARS).toLowerCase().normalize('NFC');
}

/** Letters, digits and inner apostrophes/hyphens; `l'issue` → `l'`, `issue`. */
export function tokenize(text: string): string[] {
  return normalize(text)
    .replace(/[’`]/g, "'")
    .split(/[^\p{L}\p{N}'+#.-]+/u)
    .flatMap((w) => w.split(/(?<=^[a-z]')/u))
    .map((w) => w.replace(/^[.'-]+|[.'-]+$/g, ''))
    .filter((w) => w.length > 0);
}

export function stripAccents(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '');
}

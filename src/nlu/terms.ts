// Words for matching what someone says against what a group owns: camelCase and hyphens split, light stems.
import { isStopword } from './stopwords.js';
import { onVocabularyChange, wordSets } from './vocabulary.js';
import { stripAccents } from './tokenize.js';

/** A light stem shared by the catalogue and the query: plurals and verb endings fold, nothing clever. */
export function stem(word: string): string {
  const known = stems.get(word);
  if (known !== undefined) return known;
  const out = stemUncached(word);
  // Words repeat across messages; the cache is bounded so a flood of unique words cannot grow it without limit.
  if (stems.size >= MAX_CACHED_STEMS) stems.clear();
  stems.set(word, out);
  return out;
}
const stems = new Map<string, string>();
onVocabularyChange(() => stems.clear());
const MAX_CACHED_STEMS = 50_000;

function stemUncached(word: string): string {
  let w = stripAccents(word.toLowerCase()).replace(/isation/g, 'ization');
  if (w.length <= 3 || /\d/.test(w) || wordSets().pluralExceptions.has(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(?:x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('eaux')) w = w.slice(0, -1);
  else if (/[^su]s$/.test(w) && !w.endsWith('ss') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 6) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 5) w = w.slice(0, -2);
  return w;
}

/** Splits `PodDisruptionBudget` and `HTTPRoute` into words; keeps `IPv6` and `cgroup` whole. */
function splitCamel(word: string): string[] {
  return word.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z]{2,})/);
}

/** A message's words: stems to match, and how the person spelled them, to quote back as a reason. */
export interface Terms {
  stems: string[];
  /** The word as written ("Networking", "DNS"). */
  parts: string[];
  /** The token each word came from ("kube-proxy" gives two words, one token). */
  token: number[];
  tokens: string[];
}

/** Words of a text in order; hyphens, slashes, dots and camelCase separate words. Stops reading at `limit`. */
export function readTerms(text: string, limit = Infinity): Terms {
  const terms: Terms = { stems: [], parts: [], token: [], tokens: [] };
  for (const match of text.matchAll(/[\p{L}\p{N}+#](?:[\p{L}\p{N}+#./-]{0,98}[\p{L}\p{N}+#])?/gu)) {
    const at = terms.tokens.push(match[0]) - 1;
    for (const piece of match[0].split(/[./-]+/)) {
      for (const part of splitCamel(piece)) {
        if (!part) continue;
        terms.stems.push(stem(part));
        terms.parts.push(part);
        terms.token.push(at);
        if (terms.stems.length >= limit) return terms;
      }
    }
  }
  return terms;
}

/** Stemmed words only (for the catalogue side). */
export function termWords(text: string, limit = Infinity): string[] {
  return readTerms(text, limit).stems;
}

/** How the words from..to (inclusive) were written: the whole token when they make one ("kube-proxy"). */
export function spelled(terms: Terms, from: number, to: number): string {
  const first = terms.token[from]!;
  if (
    first === terms.token[to] &&
    (from === 0 || terms.token[from - 1] !== first) &&
    (to + 1 >= terms.token.length || terms.token[to + 1] !== first)
  ) {
    return terms.tokens[first]!;
  }
  return terms.parts.slice(from, to + 1).join(' ');
}

/** The single-word form of a phrase ("CPU manager" → "cpumanager"), as people also write it. */
export function compactForm(text: string): string {
  return stem(text.replace(/[^\p{L}\p{N}+#]+/gu, ''));
}

/** A word too common or too short to stand for a topic on its own (whole keywords such as "UI" still count). */
export function isGeneric(word: string): boolean {
  return wordSets().generic.has(word) || word.length < 3 || isStopword(word) || /^\d+$/.test(word);
}

// Words for matching what someone says against what a group owns: camelCase and hyphens split, light stems.
import { isStopword } from './stopwords.js';
import { stripAccents } from './tokenize.js';

/** Words a topic is never recognised by on their own (they appear in every group's text). */
const GENERIC = new Set(
  'kubernetes k8s kube support supporting feature features add adding allow allowing new use using used enable list kep keps alpha beta ga stable graduate graduation enhancement enhancements proposal proposals design join joining issue issues start started learn learning contribute contributing first pick newcomer beginner question questions sure thanks hello please enabling make improve improvement way ability also provide provides user users work working project community sig sigs group groups owner owners subproject subprojects repository repositories code k8s.io github com https http www kep proposal implement implementation change changes current currently existing default option options field fields value values set within across based without would could should may might one two need needs time like help want know interested join le la les de des du un une et en pour sur avec dans est que qui'.split(
    ' ',
  ),
);

/** Words whose final "s" is not a plural. */
const KEEP = new Set('windows kubernetes status ingress dns aws gcs alias redis series analysis basis chaos cors ios macos always sometimes perhaps various previous bus gas canvas https'.split(' '));

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
const MAX_CACHED_STEMS = 50_000;

function stemUncached(word: string): string {
  let w = stripAccents(word.toLowerCase()).replace(/isation/g, 'ization');
  if (w.length <= 3 || /\d/.test(w) || KEEP.has(w)) return w;
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
  if (first === terms.token[to] && (from === 0 || terms.token[from - 1] !== first) && (to + 1 >= terms.token.length || terms.token[to + 1] !== first)) {
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
  return GENERIC.has(word) || word.length < 3 || isStopword(word) || /^\d+$/.test(word);
}

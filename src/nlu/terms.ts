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

/** Stemmed words in order; hyphens, slashes, dots and camelCase separate words. */
export function termWords(text: string, limit = Infinity): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[^\p{L}\p{N}+#]+/u)) {
    if (!raw) continue;
    for (const part of splitCamel(raw)) {
      if (part) out.push(stem(part));
      if (out.length >= limit) return out;
    }
  }
  return out;
}

/** The single-word form of a phrase ("CPU manager" → "cpumanager"), as people also write it. */
export function compactForm(text: string): string {
  return stem(text.replace(/[^\p{L}\p{N}+#]+/gu, ''));
}

/** A word too common or too short to stand for a topic on its own (whole keywords such as "UI" still count). */
export function isGeneric(word: string): boolean {
  return GENERIC.has(word) || word.length < 3 || isStopword(word) || /^\d+$/.test(word);
}

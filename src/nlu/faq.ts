// FAQ retrieval: the question closest in meaning (idf-weighted word overlap) among the ways people ask.
import type { FaqEntry } from '../content/schema.js';
import type { Locale } from '../core/types.js';
import type { FaqAnswer } from './types.js';
import { isStopword } from './stopwords.js';
import { stripAccents, tokenize } from './tokenize.js';

/** Content words, accent-free, with a crude plural/feminine fold so "issues" meets "issue". */
export function contentWords(text: string): string[] {
  return tokenize(text)
    .filter((w) => !isStopword(w) && w.length > 1)
    .map((w) => stripAccents(w).replace(/(?<=\w{3})(e?s)$/, ''));
}

interface Indexed {
  entry: FaqEntry;
  vectors: Map<string, number>[];
}

export function createFaqIndex(entries: FaqEntry[], locale: Locale) {
  const docs = entries.map((entry) => entry.questions[locale].map((q) => new Set(contentWords(q))));
  const df = new Map<string, number>();
  for (const questions of docs) for (const w of new Set(questions.flatMap((q) => [...q]))) df.set(w, (df.get(w) ?? 0) + 1);
  const idf = (w: string) => Math.log(1 + entries.length / (df.get(w) ?? 0.5));
  const indexed: Indexed[] = entries.map((entry, i) => ({
    entry,
    vectors: docs[i]!.map((words) => new Map([...words].map((w) => [w, idf(w)]))),
  }));
  return (text: string): FaqAnswer | null => {
    const query = new Set(contentWords(text));
    if (query.size === 0) return null;
    const queryNorm = Math.sqrt([...query].reduce((s, w) => s + idf(w) ** 2, 0));
    let best: FaqAnswer | null = null;
    for (const { entry, vectors } of indexed) {
      for (const v of vectors) {
        let dot = 0;
        let norm = 0;
        for (const [w, weight] of v) {
          norm += weight ** 2;
          if (query.has(w)) dot += weight ** 2;
        }
        const score = norm > 0 ? dot / (Math.sqrt(norm) * queryNorm) : 0;
        if (!best || score > best.score) best = { entry, score };
      }
    }
    return best;
  };
}

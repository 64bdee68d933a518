// FAQ retrieval: the question closest in meaning (idf-weighted word overlap) among the ways people ask.
import type { FaqEntry } from '../content/schema.js';
import type { Locale } from '../core/types.js';
import type { FaqAnswer } from './types.js';
import { cleanForUnderstanding } from './clean.js';
import { isStopword } from './stopwords.js';
import { stem } from './terms.js';
import { tokenize } from './tokenize.js';

/** A question is answered from its opening: nobody asks an FAQ in a thousand words. */
const MAX_QUESTION_CHARS = 600;
/**
 * Evidence (summed idf of the shared words) a match needs to count fully: one rare word ("CLA") is
 * enough, one common word ("help", "contribute") is not — it would answer every vague message.
 */
const FULL_EVIDENCE = 3;

/** Content words, stemmed the same way everywhere ("issues" meets "issue", "réunions" meets "réunion"). */
export function contentWords(text: string): string[] {
  return tokenize(text)
    .filter((w) => !isStopword(w) && w.length > 1)
    .map((w) => stem(w.replace(/^[/#]+/, '')).replace(/(?<=\w{3})e$/, ''));
}

interface Indexed {
  entry: FaqEntry;
  vectors: { words: Map<string, number>; norm: number }[];
}

export function createFaqIndex(entries: FaqEntry[], locale: Locale) {
  const docs = entries.map((entry) =>
    (entry.questions[locale] ?? entry.questions.en).map((q) => new Set(contentWords(q))),
  );
  const df = new Map<string, number>();
  for (const questions of docs)
    for (const w of new Set(questions.flatMap((q) => [...q]))) df.set(w, (df.get(w) ?? 0) + 1);
  const idf = (w: string) => Math.log(1 + entries.length / (df.get(w) ?? 1));
  const indexed: Indexed[] = entries.map((entry, i) => ({
    entry,
    vectors: docs[i]!.map((words) => {
      const weights = new Map([...words].map((w) => [w, idf(w)]));
      return { words: weights, norm: Math.sqrt([...weights.values()].reduce((s, x) => s + x * x, 0)) };
    }),
  }));
  return (text: string): FaqAnswer | null => {
    const query = new Set(contentWords(cleanForUnderstanding(text).slice(0, MAX_QUESTION_CHARS)));
    if (query.size === 0) return null;
    // Words no question uses say nothing about which answer fits; they only make the match less certain.
    const known = [...query].filter((w) => df.has(w));
    const knownNorm = Math.sqrt(known.reduce((s, w) => s + idf(w) ** 2, 0));
    const unknown = query.size - known.length;
    if (known.length === 0) return null;
    const certainty = Math.sqrt(known.length / (known.length + 0.5 * unknown));
    let best: FaqAnswer | null = null;
    for (const { entry, vectors } of indexed) {
      for (const v of vectors) {
        let dot = 0;
        let evidence = 0;
        for (const w of known) {
          const weight = v.words.get(w);
          if (weight === undefined) continue;
          dot += weight * weight;
          evidence += weight;
        }
        const score = v.norm > 0 ? (dot / (v.norm * knownNorm)) * certainty * Math.min(1, evidence / FULL_EVIDENCE) : 0;
        if (!best || score > best.score) best = { entry, score: Number(score.toFixed(3)) };
      }
    }
    return best;
  };
}

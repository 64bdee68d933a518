// Cross-validation grouped by source thread: how understanding does on threads it never saw, in memory only.
import { cleanForUnderstanding } from '../nlu/clean.js';
import { choiceOf } from '../nlu/choice.js';
import type { LabelledText } from '../nlu/intent-examples.js';
import { bundledKnowledge, type NluKnowledge } from '../nlu/knowledge.js';
import { classifierFrom, trainIntentModel } from '../nlu/intents.js';
import { detectLanguage } from '../nlu/language.js';
import type { IntentCase } from './eval-cases.js';
import type { Guess } from './eval-score.js';

/** A stable fold for a thread: every message of one thread is held out together (they share words and people). */
function foldOf(source: string, folds: number): number {
  let h = 2166136261;
  for (let i = 0; i < source.length; i++) h = Math.imul(h ^ source.charCodeAt(i), 16777619);
  return (h >>> 0) % folds;
}

/**
 * For each fold, a model is trained on the project's examples plus the cases of the other folds, and guesses
 * the held-out cases. Nothing is written: the shipped model never sees the cases. Cases without a `source`
 * are their own thread.
 */
export function groupedCrossValidation(
  cases: IntentCase[],
  folds = 5,
  knowledge: NluKnowledge = bundledKnowledge(),
): Guess[] {
  const { examples, fillers, cues } = knowledge;
  const fold = cases.map((c) => foldOf(c.source ?? `line:${c.line}`, folds));
  const guesses: Guess[] = new Array(cases.length);
  for (let f = 0; f < folds; f++) {
    const taught: LabelledText[] = cases
      .filter((_, i) => fold[i] !== f)
      .map((c) => ({ text: c.text, intent: c.intent, lang: detectLanguage(c.text).lang }));
    const classifier = classifierFrom(trainIntentModel([...examples, ...taught], fillers, cues), cues);
    cases.forEach((c, i) => {
      if (fold[i] !== f) return;
      const guess = classifier.classify(cleanForUnderstanding(c.text));
      guesses[i] = {
        intent: guess.intent,
        confidence: Number(guess.confidence.toFixed(3)),
        ...choiceOf(guess.probabilities),
      };
    });
  }
  return guesses;
}

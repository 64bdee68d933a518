// Intent classification: a softmax model over cues, words and character n-grams, trained from content examples.
import { createHash } from 'node:crypto';
import { intentFeatures } from './intent-features.js';
import type { CueSet } from './intent-cues.js';
import { withPadding, type Fillers, type LabelledText } from './intent-examples.js';
import { bundledKnowledge, type NluKnowledge } from './knowledge.js';
import { cleanForUnderstanding } from './clean.js';
import { loadModel } from './intent-model.js';
import { predict, trainCalibrated, type SoftmaxModel } from './softmax.js';
import { INTENTS, type Intent } from './types.js';

export interface IntentGuess {
  intent: Intent;
  confidence: number;
  /** Probability of each intent; they sum to one. */
  probabilities: Record<Intent, number>;
}

export interface IntentClassifier {
  classify(cleaned: string): IntentGuess;
}

/**
 * Few epochs and three folds (cross-validation on the examples scores the same as longer runs, and training
 * stays quick); a little label smoothing keeps probabilities away from certainty the examples cannot justify.
 */
const TRAINING = { epochs: 12, folds: 3, smoothing: 0.05 };

/** Trains the model: each example as written and padded, a temperature from cross-validation. */
export function trainIntentModel(examples: LabelledText[], fillers: Fillers | undefined, cues: CueSet): SoftmaxModel {
  const taught = fillers ? withPadding(examples, fillers) : examples;
  const samples = taught.map((e, i) => {
    const { features, values } = intentFeatures(cleanForUnderstanding(e.text), cues);
    return { features, values, label: INTENTS.indexOf(e.intent), group: i % examples.length };
  });
  return trainCalibrated(samples, INTENTS.length, TRAINING);
}

export function classifierFrom(model: SoftmaxModel, cues: CueSet): IntentClassifier {
  return {
    classify(cleaned) {
      if (!/[\p{L}\p{N}]/u.test(cleaned)) return { intent: 'other', confidence: 1, probabilities: only('other') };
      const { features, values } = intentFeatures(cleaned, cues);
      const p = predict(model, features, values);
      let best = 0;
      for (let k = 1; k < p.length; k++) if (p[k]! > p[best]!) best = k;
      const probabilities = Object.fromEntries(INTENTS.map((intent, k) => [intent, p[k]!])) as Record<Intent, number>;
      return { intent: INTENTS[best]!, confidence: p[best]!, probabilities };
    },
  };
}

function only(intent: Intent): Record<Intent, number> {
  return Object.fromEntries(INTENTS.map((i) => [i, i === intent ? 1 : 0])) as Record<Intent, number>;
}

/**
 * By the knowledge's sources (the code is the same within a process, and a compiled build has no sources
 * to read): the same content loaded twice (tests, a reload) trains once.
 */
const shared = new Map<string, IntentClassifier>();
const sourcesKey = (knowledge: NluKnowledge) => {
  const hash = createHash('sha256');
  for (const text of knowledge.modelSources) hash.update(text).update('\0');
  return hash.digest('hex');
};
/**
 * The classifier of some knowledge (the bundled one by default), once per process: a stored model when it was
 * trained from exactly these sources (`npx tsx src/nlu/train-intents.ts` writes it), otherwise trained now (seconds).
 */
export function defaultIntentClassifier(knowledge: NluKnowledge = bundledKnowledge()): IntentClassifier {
  const key = sourcesKey(knowledge);
  let classifier = shared.get(key);
  if (!classifier) {
    const stored = knowledge.modelFiles.map((f) => loadModel(knowledge, f)).find((m) => m !== null);
    classifier = classifierFrom(
      stored ?? trainIntentModel(knowledge.examples, knowledge.fillers, knowledge.cues),
      knowledge.cues,
    );
    shared.set(key, classifier);
  }
  return classifier;
}

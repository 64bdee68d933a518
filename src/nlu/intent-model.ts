// The trained intent model kept as a file (nlu/intent-model.json), valid only for the sources it came from.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { NluKnowledge } from './knowledge.js';
import type { SoftmaxModel } from './softmax.js';

export const MODEL_FILE = fileURLToPath(new URL('../../content/nlu/intent-model.json', import.meta.url));

/** The code the model depends on (with the knowledge's examples, fillers and cues): what turns text into features and trains. */
const CODE = [
  './clean.ts',
  './phrasing.ts',
  './tokenize.ts',
  './intent-cues.ts',
  './intent-rules.ts',
  './intent-features.ts',
  './intent-examples.ts',
  './knowledge.ts',
  './programming-languages.ts',
  './softmax.ts',
  './intents.ts',
].map((p) => fileURLToPath(new URL(p, import.meta.url)));

/** A short hash of the sources: a model trained from other sources is never used. */
export function sourcesFingerprint(knowledge: NluKnowledge): string {
  const hash = createHash('sha256');
  // Line endings are normalised so a checkout with CRLF endings matches the same model.
  const texts = [...CODE.map((file) => readFileSync(file, 'utf8')), ...knowledge.modelSources];
  for (const text of texts) hash.update(text.replace(/\r\n/g, '\n')).update('\0');
  return hash.digest('hex').slice(0, 16);
}

interface Stored {
  fingerprint: string;
  classes: number;
  temperature: number;
  bias: number[];
  weights: Record<string, number[]>;
}

/** Weights this small never change a prediction; leaving them out keeps the file small. */
const NEGLIGIBLE = 0.005;
const round = (x: number) => Number(x.toFixed(4));

export function saveModel(model: SoftmaxModel, knowledge: NluKnowledge, file: string = MODEL_FILE): void {
  const weights: Record<string, number[]> = {};
  for (const [feature, w] of [...model.weights].sort(([a], [b]) => a.localeCompare(b))) {
    if ([...w].some((x) => Math.abs(x) >= NEGLIGIBLE)) weights[feature] = [...w].map(round);
  }
  const stored: Stored = {
    fingerprint: sourcesFingerprint(knowledge),
    classes: model.classes,
    temperature: model.temperature,
    bias: [...model.bias].map(round),
    weights,
  };
  writeFileSync(file, `${JSON.stringify(stored)}\n`);
}

/** The stored model, or null when it is missing, unreadable or trained from other sources. */
export function loadModel(knowledge: NluKnowledge, file: string = MODEL_FILE): SoftmaxModel | null {
  let stored: Stored;
  try {
    stored = JSON.parse(readFileSync(file, 'utf8')) as Stored;
  } catch {
    return null;
  }
  // A compiled build (dist/, `npm run build`) ships JavaScript, not the sources above: its model is the one the
  // tests checked against those sources before the build.
  const compiled = !import.meta.url.endsWith('.ts');
  if (
    (!compiled && stored.fingerprint !== sourcesFingerprint(knowledge)) ||
    !Array.isArray(stored.bias) ||
    stored.bias.length !== stored.classes
  )
    return null;
  return {
    classes: stored.classes,
    temperature: stored.temperature,
    bias: Float64Array.from(stored.bias),
    weights: new Map(Object.entries(stored.weights).map(([f, w]) => [f, Float64Array.from(w)])),
  };
}

// The trained intent model kept as a file (content/nlu/intent-model.json), valid only for the sources it came from.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SoftmaxModel } from './softmax.js';

export const MODEL_FILE = fileURLToPath(new URL('../../content/nlu/intent-model.json', import.meta.url));

/** Everything the model depends on: the examples, and the code that turns text into features and trains. */
const SOURCES = [
  '../../content/nlu/intents.en.txt',
  '../../content/nlu/intents.fr.txt',
  '../../content/nlu/intents.varied.en.txt',
  '../../content/nlu/intents.varied.fr.txt',
  '../../content/nlu/fillers.txt',
  './clean.ts',
  './phrasing.ts',
  './tokenize.ts',
  './intent-cues.ts',
  './intent-rules.ts',
  './intent-features.ts',
  './intent-examples.ts',
  './programming-languages.ts',
  './softmax.ts',
  './intents.ts',
].map((p) => fileURLToPath(new URL(p, import.meta.url)));

/** A short hash of the sources: a model trained from other sources is never used. */
export function sourcesFingerprint(): string {
  const hash = createHash('sha256');
  // Line endings are normalised so a checkout with CRLF endings matches the same model.
  for (const file of SOURCES) hash.update(readFileSync(file, 'utf8').replace(/\r\n/g, '\n')).update('\0');
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

export function saveModel(model: SoftmaxModel, file: string = MODEL_FILE): void {
  const weights: Record<string, number[]> = {};
  for (const [feature, w] of [...model.weights].sort(([a], [b]) => a.localeCompare(b))) {
    if ([...w].some((x) => Math.abs(x) >= NEGLIGIBLE)) weights[feature] = [...w].map(round);
  }
  const stored: Stored = { fingerprint: sourcesFingerprint(), classes: model.classes, temperature: model.temperature, bias: [...model.bias].map(round), weights };
  writeFileSync(file, `${JSON.stringify(stored)}\n`);
}

/** The stored model, or null when it is missing, unreadable or trained from other sources. */
export function loadModel(file: string = MODEL_FILE): SoftmaxModel | null {
  let stored: Stored;
  try {
    stored = JSON.parse(readFileSync(file, 'utf8')) as Stored;
  } catch {
    return null;
  }
  if (stored.fingerprint !== sourcesFingerprint() || !Array.isArray(stored.bias) || stored.bias.length !== stored.classes) return null;
  return {
    classes: stored.classes,
    temperature: stored.temperature,
    bias: Float64Array.from(stored.bias),
    weights: new Map(Object.entries(stored.weights).map(([f, w]) => [f, Float64Array.from(w)])),
  };
}

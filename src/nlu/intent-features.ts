// Turns a message into the named features the intent model weighs: cues, words, word pairs, shape.
import { cuesOf, type CueSet } from './intent-cues.js';
import { ruleIntent } from './intent-rules.js';
import { spellOut, words } from './phrasing.js';
import { programmingLanguages } from './programming-languages.js';

/** Cues and words are read from the opening of a message: intent is stated early, and time stays bounded. */
const MAX_CHARS = 1000;
const MAX_WORDS = 120;
/** Total weight of the bag of words relative to one cue (a tuning knob, checked by cross-validation). */
export const BAG_WEIGHT = 3;

/** A light stem so "issues"/"issue" and "working"/"work" meet; good enough for features, never shown. */
export function stem(word: string): string {
  if (word.length <= 3 || /[@#<]/.test(word)) return word;
  return word
    .replace(/(?<=\w{3})(?:ing|ings)$/, '')
    .replace(/(?<=\w{3})ies$/, 'y')
    .replace(/(?<=\w{3})(?:ed|es|s)$/, '');
}

/** Total weight of the character n-grams (they survive typos, inflection and French endings). */
export const GRAM_WEIGHT = 2;
const GRAM_SIZES = [3, 4];

/** Character n-grams of each word, word edges marked (`<tak`, `ake>`), placeholders left out. */
function charGrams(ws: string[]): Set<string> {
  const out = new Set<string>();
  for (const w of ws) {
    if (w.length < 2 || /[@#<]/.test(w)) continue;
    const padded = `<${w}>`;
    for (const n of GRAM_SIZES) for (let i = 0; i + n <= padded.length; i++) out.add(`c:${padded.slice(i, i + n)}`);
  }
  return out;
}

export interface FeatureView {
  features: string[];
  /** Cues and shape count fully; words share a unit of weight, so a long message is not louder than a short one. */
  values: number[];
  /** Spelled-out text, for callers that look at cues themselves. */
  spelled: string;
  cues: string[];
}

export function intentFeatures(cleaned: string, cueSet: CueSet): FeatureView {
  const spelled = spellOut(cleaned.slice(0, MAX_CHARS));
  const cues = cuesOf(spelled, cueSet);
  const ws = words(spelled).slice(0, MAX_WORDS).map(stem);
  const whole = new Set<string>(cues.map((c) => `cue:${c}`));
  whole.add(`rule:${ruleIntent(cues)}`);
  // Pairs let a linear model see conjunctions: "I want" with "a SIG" means something neither means alone.
  for (let i = 0; i < cues.length; i++)
    for (let j = i + 1; j < cues.length; j++) whole.add(`pair:${cues[i]}+${cues[j]}`);
  const bag = new Set<string>();
  for (let i = 0; i < ws.length; i++) {
    bag.add(`w:${ws[i]}`);
    if (i + 1 < ws.length) bag.add(`b:${ws[i]}_${ws[i + 1]}`);
  }
  if (ws.length > 0) whole.add(`first:${ws[0]}`);
  const n = ws.length;
  whole.add(
    n <= 2 ? 'len:tiny' : n <= 6 ? 'len:short' : n <= 20 ? 'len:medium' : n <= 50 ? 'len:long' : 'len:very-long',
  );
  if (programmingLanguages(cleaned.slice(0, MAX_CHARS)).length > 0) whole.add('cue:programming_language');
  if (spelled.endsWith('?')) whole.add('shape:ends-with-question');
  const grams = charGrams(ws);
  const share = BAG_WEIGHT / Math.sqrt(Math.max(1, bag.size));
  const gramShare = GRAM_WEIGHT / Math.sqrt(Math.max(1, grams.size));
  const kept = [...whole];
  return {
    features: [...kept, ...bag, ...grams],
    values: [...kept.map(() => 1), ...[...bag].map(() => share), ...[...grams].map(() => gramShare)],
    spelled,
    cues,
  };
}

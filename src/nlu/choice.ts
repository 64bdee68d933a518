// When the bot is unsure which request a message makes: the one rule, and the paths worth offering.
import { INTENTS, type Intent } from './types.js';

export interface Alternative {
  intent: Intent;
  confidence: number;
}

/**
 * Unsure means the best intent is below `sure`, or the second best is within `margin` of it (both on
 * calibrated probabilities). Paths worth a button are actionable intents holding at least `worth` of the
 * probability, best first, at most `most` of them: more buttons than that is a menu, not a question.
 */
export const CHOICE = { sure: 0.6, margin: 0.2, worth: 0.1, most: 3 } as const;

export interface Choice {
  unsure: boolean;
  /** Actionable intents worth offering, best first (may be empty). */
  alternatives: Alternative[];
}

const round = (x: number) => Number(x.toFixed(3));

export function choiceOf(probabilities: Record<Intent, number>): Choice {
  const ranked = INTENTS.map((intent) => ({ intent, confidence: probabilities[intent] ?? 0 })).sort(
    (a, b) => b.confidence - a.confidence,
  );
  const [best, second] = ranked;
  const unsure = best!.confidence < CHOICE.sure || best!.confidence - (second?.confidence ?? 0) < CHOICE.margin;
  const alternatives = ranked
    .filter((a) => a.intent !== 'other' && a.confidence >= CHOICE.worth)
    .slice(0, CHOICE.most)
    .map((a) => ({ intent: a.intent, confidence: round(a.confidence) }));
  return { unsure, alternatives };
}

/** An addressed message gets the choice (src/capabilities/choose.ts) instead of a guess. */
export function offersChoice(u: { unsure?: boolean; alternatives?: Alternative[] }): boolean {
  return u.unsure === true && (u.alternatives?.length ?? 0) > 0;
}

/** Whether a person who meant `wanted` gets it, answered or one button away, under the rule above. */
export function reaches(
  guess: { intent: Intent; unsure: boolean; alternatives: Alternative[] },
  wanted: Intent,
): boolean {
  if (!guess.unsure) return guess.intent === wanted;
  // An unsure guess is answered with buttons when there is a path to offer, otherwise as guessed.
  if (guess.alternatives.length === 0) return guess.intent === wanted;
  return guess.alternatives.some((a) => a.intent === wanted);
}

// Whether the bot speaks, unasked, on a message in a newcomer channel: sure of a request, and the request is to no one else.
import type { Intent } from './types.js';

/**
 * Calibrated confidence at or above which an unaddressed request is answered. Chosen on cross-validated
 * predictions (see `eval --cv`): the lowest value that keeps the bot quiet on chatter while it still answers
 * most requests. Probabilities are temperature-scaled, so this reads as "right at least this often".
 */
export const CHANNEL_CONFIDENCE = 0.8;

/**
 * A message addressed to someone else: it opens with a mention of a person (`@user`, `<@U123>`, `@name`),
 * or quotes another message before answering it. Such a message is a conversation the bot was not asked into.
 * The raw text is read (cleaning turns every mention into `@user`); only its opening is looked at.
 */
export function addressedToSomeoneElse(text: string): boolean {
  const opening = text.slice(0, 200).trimStart();
  if (/^(?:<@[!&]?[\w-]{1,40}>|@[\w.-]{1,60})/.test(opening)) return true;
  // "> what you said" then an answer: a reply to a quoted message.
  if (/^>[^\n]*\n+(?!>)\S/.test(opening)) return true;
  // "thanks @ana", "@ana you can…" early in a short message: talking to that person.
  return /^(?:\S+\s+){0,2}(?:<@[!&]?[\w-]{1,40}>|@[\w.-]{2,60})[\s,:!?.]/.test(opening);
}

export interface ChannelOptions {
  /** The message is a reply in a thread (to someone's message), not a new message in the channel. */
  inThread?: boolean;
  /** The author is a maintainer of the community (their replies mention issues and labels, and need no answer). */
  byMaintainer?: boolean;
}

/** The one decision for unprompted answers; the core and the evaluation both call it. */
export function channelSpeaks(
  understanding: { intent: Intent; confidence: number },
  text: string,
  options: ChannelOptions = {},
): boolean {
  if (understanding.intent === 'other' || understanding.confidence < CHANNEL_CONFIDENCE) return false;
  if (options.inThread || options.byMaintainer) return false;
  return !addressedToSomeoneElse(text);
}

// What understanding a message yields, and the port capabilities use to ask for it.
import type { FaqEntry } from '../content/schema.js';
import type { Locale } from '../core/types.js';
import type { Courtesy } from './courtesy.js';

// The intent set and an issue named in chat are the core's own types: understanding fills them in.
export { INTENTS, type Intent, type IssueMention as IssueRef } from '../core/ports.js';
import type { Intent, IssueMention as IssueRef } from '../core/ports.js';

/** How a group was named: its id or label (`sig-network`), its name with a group word ("SIG Network"), or an alias ("networking"). */
export interface SigMention {
  sigId: string;
  how: 'id' | 'name' | 'alias';
}

export interface Entities {
  issues: IssueRef[];
  /** Catalogue ids of SIGs named by id, name or alias. */
  sigs: string[];
  /** The same groups with how each was named (an alias is an interest; an id or a name is a choice). */
  sigMentions?: SigMention[];
  /** Programming languages, normalised (`go`, `python`, …). */
  languages: string[];
  /** Areas of interest found in the text (catalogue vocabulary such as "networking", "docs"). */
  interests: string[];
  /** URLs that are not GitHub issue references (never fetched; only reported). */
  otherUrls: string[];
}

export interface Understanding {
  lang: Locale;
  /** 0..1; low for very short or mixed text. */
  langConfidence: number;
  intent: Intent;
  /** 0..1, calibrated: of messages understood at 0.8, about 8 in 10 are right. */
  confidence: number;
  /** Set when the two best intents are close or confidence is middling (the rule is in choice.ts). */
  unsure?: boolean;
  /**
   * Whether this message, seen unasked in a newcomer channel, deserves an answer: a sure request that is not
   * addressed to someone else (channel.ts). The core adds what only it knows (a reply in a thread).
   */
  unprompted?: boolean;
  /** Actionable intents worth offering as a choice, best first (see choice.ts). */
  alternatives?: { intent: Intent; confidence: number }[];
  entities: Entities;
  /** Set when the whole message is a thank-you or a greeting. */
  courtesy?: Courtesy;
}

export interface SigRecommendation {
  sigId: string;
  score: number;
  /** The terms that matched, for the reason shown to the person ("kube-proxy, DNS"). */
  reasons: string[];
}

export interface FaqAnswer {
  entry: FaqEntry;
  score: number;
}

export interface Nlu {
  understand(text: string): Understanding;
  recommendSigs(text: string, limit?: number): SigRecommendation[];
  answerFaq(text: string, locale: Locale): FaqAnswer | null;
}

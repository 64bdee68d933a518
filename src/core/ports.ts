// The core's own ports: what it needs from the outer layers, stated here so the core imports nothing outward.
import type { Locale, Origin } from './types.js';

/** A structured logger (pino satisfies it): fields first, then a fixed message that never holds user text. */
export interface Log {
  debug(fields: object, msg?: string): void;
  info(fields: object, msg?: string): void;
  warn(fields: object, msg?: string): void;
  error(fields: object, msg?: string): void;
}

/** The time, injected so tests and jobs agree on "now". */
export type Clock = () => Date;

/** A person on one platform: every row the store keeps about someone is keyed by these three. */
export interface UserKey {
  platform: string;
  workspaceId: string;
  userId: string;
}

export const INTENTS = ['contribute_howto', 'find_issues', 'recommend_sig', 'claim_issue', 'other'] as const;
export type Intent = (typeof INTENTS)[number];

/** An issue or pull request named in chat. `owner`/`repo` are absent for a bare `#123`. */
export interface IssueMention {
  owner?: string;
  repo?: string;
  number: number;
  /** `pull` when the text itself says so (a /pull/ URL); otherwise only GitHub can tell. */
  kind: 'issue' | 'pull' | 'unknown';
  raw: string;
}

/** What understanding found in a message (src/nlu fills it; its own types must stay assignable to these). */
export interface Understanding {
  lang: Locale;
  /** 0..1; low for very short or mixed text. */
  langConfidence: number;
  intent: Intent;
  /** 0..1 */
  confidence: number;
  entities: {
    issues: IssueMention[];
    /** Catalogue ids of groups named by id, name or alias. */
    sigs: string[];
    /** The same groups with how each was named (an alias is an interest; an id or a name is a choice). */
    sigMentions?: { sigId: string; how: 'id' | 'name' | 'alias' }[];
    /** Programming languages, normalised (`go`, `python`, …). */
    languages: string[];
    interests: string[];
    /** URLs that are not GitHub issue references (never fetched; only reported). */
    otherUrls: string[];
  };
  /** Set when the whole message is a thank-you or a greeting. */
  courtesy?: 'thanks' | 'greeting';
  /** The two best intents are close or confidence is middling: offer `alternatives` rather than guess. */
  unsure?: boolean;
  /** The likely intents, best first, when unsure. */
  alternatives?: { intent: Intent; confidence: number }[];
  /** Sure enough, on calibrated confidence, to answer in a newcomer channel unasked. */
  unprompted?: boolean;
}

export type Understand = (text: string) => Understanding;

/** The languages the core keeps for a person: the one they chose, and the one they last wrote in clearly. */
export interface PeopleLocales {
  get(user: UserKey): Promise<{ locale: Locale | null; seenLocale: Locale | null } | null>;
  noteSeenLocale(user: UserKey, locale: Locale, now: Date): Promise<void>;
}

/** Whether a plain channel message may be answered there at all (the community's newcomer channels). */
export type Watched = (origin: Origin) => boolean;

/**
 * Notes that the bot answered someone, for the funnel's first step. It returns at once and never throws:
 * the write happens beside the reply (src/wiring makes it fire-and-forget).
 */
export type NoteContact = (user: UserKey, locale: Locale, at: Date) => void;

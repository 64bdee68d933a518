// The narrow ports capabilities declare: each a few methods, built once by src/wiring from the store and services.
// The one file under src/capabilities that may name the store's record types (types only; the import guard checks).
import type { Config } from '../config/schema.js';
import type { Content, Sig } from '../content/types.js';
import type { StepCounts } from '../report/funnel-report.js';
import type { GroupPicture } from '../report/lead-view.js';
import type { Locale } from '../core/types.js';
import type { UserKey } from '../core/ports.js';
import type { GithubPort, IssueCheck, IssueIndex } from '../github/ports.js';
import type { FaqAnswer, SigRecommendation } from '../nlu/types.js';
import type { Claim, ClaimIssue, OpenResult } from '../store/claims.js';
import type { FunnelFacts, FunnelStep } from '../store/funnel.js';
import type { IndexedIssue, IssueId } from '../store/issues.js';
import type { Listing } from '../store/listings.js';
import type { Erased, PersonalRecord } from '../store/personal-data.js';
import type { MentorRepo, Mentorship } from '../store/mentors.js';
import type { HelpDesk } from '../jobs/journey-help.js';
import type { Journey } from '../jobs/journey-prs.js';
import type { Waiter, WaitedIssue } from '../store/waitlist.js';

export type {
  Claim,
  ClaimIssue,
  Erased,
  FunnelFacts,
  FunnelStep,
  IndexedIssue,
  IssueId,
  Listing,
  Mentorship,
  PersonalRecord,
};

/** The community's own words: groups, FAQ, onboarding, channels, GitHub scope (read-only). */
export interface Catalogue {
  content: Content;
}

/** Claims as chat sees them: open one, end one, and who holds what. */
export interface Claims {
  claims: {
    open(user: UserKey, issue: ClaimIssue, now: Date, maxOpen?: number): Promise<OpenResult>;
    openFor(user: UserKey): Promise<Claim[]>;
    openOn(issue: IssueId): Promise<Claim | null>;
    allOpen(): Promise<Claim[]>;
    end(id: string, status: 'released' | 'done', reason: 'gave_up', now: Date): Promise<boolean>;
  };
}

/** Only who holds what, for choosing free issues. */
export interface OpenClaims {
  claims: { allOpen(): Promise<Claim[]>; openFor(user: UserKey): Promise<Claim[]> };
}

export interface Waitlist {
  waitlist: {
    join(user: UserKey, issue: WaitedIssue, now: Date): Promise<{ position: number; added: boolean }>;
    leave(user: UserKey, issue: IssueId): Promise<boolean>;
    next(issue: IssueId): Promise<Waiter | null>;
  };
}

/** What was last listed to a person, so "#123" right after means one of those. */
export interface ListingMemory {
  listings: {
    remember(user: UserKey, issues: IssueId[], now: Date): Promise<void>;
    last(user: UserKey): Promise<Listing | null>;
  };
}

export interface Subscriptions {
  subscriptions: {
    add(user: UserKey, sigId: string, now: Date): Promise<boolean>;
    remove(user: UserKey, sigId: string): Promise<boolean>;
    list(user: UserKey): Promise<string[]>;
  };
}

/** A person's weekly-digest switch (the digest ledger itself stays with the job). */
export interface DigestSwitch {
  digestSwitch: {
    dmOn(user: UserKey): Promise<boolean>;
    setDm(user: UserKey, on: boolean, now: Date): Promise<boolean>;
  };
}

export interface GithubLogins {
  githubLogins: {
    get(user: UserKey): Promise<{ login: string | null; askedAt: Date | null }>;
    set(user: UserKey, login: string | null, now: Date): Promise<void>;
    markAsked(user: UserKey, now: Date): Promise<void>;
  };
}

/** The language a person chose with `/language` (null: detect it again). */
export interface LocaleChoice {
  localeChoice: { set(user: UserKey, locale: Locale | null, now: Date): Promise<void> };
}

/** The cached issue index (chat reads it and never waits on GitHub). */
export interface IssueReader {
  index: IssueIndex;
}

/** Live GitHub checks behind a port: never Octokit types. */
export interface Github {
  github: GithubPort;
}

/** What is known about an issue without asking GitHub: its groups, its address, whose a live check says it is. */
export interface IssueFacts {
  issueFacts: {
    sigsOf(issue: IssueId & { labels: string[] }): string[];
    urlOf(id: IssueId): string;
    holderOf(check: IssueCheck, login: string | null): 'theirs' | 'someone_else' | 'unknown';
  };
}

export interface FaqSearch {
  faq: { answer(text: string, locale: Locale): FaqAnswer | null };
}

export interface SigRanking {
  ranking: { recommend(text: string, limit?: number): SigRecommendation[] };
}

export interface ClaimLimits {
  limits: Pick<Config, 'CLAIM_MAX_OPEN' | 'CLAIM_REMIND_DAYS' | 'MENTOR_ANSWER_HOURS'>;
}

/** Mentoring as chat sees it: a person's groups and pause, and whom they help now. */
export interface Mentoring {
  mentors: Pick<MentorRepo, 'join' | 'leave' | 'pause' | 'of' | 'helping'>;
  mentorLimits: Pick<Config, 'MENTOR_MAX_MENTEES'>;
}

/** Finding someone to help with a claimed issue (the help desk asks mentors through the outboxes). */
export interface AskForHelp {
  helpDesk: Pick<HelpDesk, 'request'>;
  /** The share button under a merge congratulation: posts in the group's channel only when pressed. */
  journey: Pick<Journey, 'share'>;
}

/** A mentor's Accept or Not now (the help desk introduces the two, or asks the next mentor). */
export interface MentorAnswers {
  helpDesk: Pick<HelpDesk, 'answer'>;
}

/** Notes a person's first time at a funnel step; returns at once and never fails the reply. */
export interface Funnel {
  funnel: { record(step: FunnelStep, user: UserKey, facts: FunnelFacts, at: Date): void };
}

/** What the bot keeps about one person, to show, export or erase (a privacy request). */
export interface PersonalData {
  personal: { describe(user: UserKey): Promise<PersonalRecord>; erase(user: UserKey, now: Date): Promise<Erased> };
}

/** What group leads see in /report, and their weekly lead-note switch per group. */
export interface LeadReports {
  leads: {
    pictures(groups: readonly Sig[], now: Date): Promise<GroupPicture[]>;
    recentFunnel(group: string, now: Date): Promise<StepCounts>;
    noteGroups(user: UserKey): Promise<string[]>;
    setNote(user: UserKey, group: string, on: boolean, locale: Locale, now: Date): Promise<boolean>;
  };
}

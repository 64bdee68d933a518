// Follow-ups on claims: a friendly nudge after days of silence, a release after more, and the next person in line told.
import { systemClock } from '../digest/pacing.js';
import { buttons, text } from '../core/blocks.js';
import type { Translate, Translator } from '../core/i18n.js';
import type { Reply } from '../core/types.js';
import { safePost, type Post } from '../digest/deliver.js';
import { userDestination } from '../digest/destinations.js';
import type { Config } from '../config/schema.js';
import type { Content } from '../content/types.js';
import type { GithubPort } from '../github/ports.js';
import type { Logger } from '../log.js';
import { quietSince, type Claim } from '../store/claims.js';
import { throttled } from '../store/job-locks.js';
import { checkClaim } from './refresh-issues.js';
import type { Store } from '../store/store.js';
import { preferredLocale, type UserKey } from '../store/users.js';
import type { WaitedIssue } from '../store/waitlist.js';
import { CLAIM_BUTTON, linkMarkup, refOf } from '../views/issue-ref.js';
import { helpChannel } from '../content/channels.js';
import { createHelpDesk } from './journey-help.js';
import { createJourney, type JourneyEvents } from './journey-prs.js';

const DAY = 86_400_000;
/** A person told an issue is free gets this long to take it before the next in line is told. */
export const WAITLIST_TURN_DAYS = 2;

export interface FollowUpDeps {
  store: Store;
  /** A claim is looked at again on GitHub right before a reminder or a release. */
  github: GithubPort;
  content: Content;
  translator: Translator;
  config: Pick<
    Config,
    | 'CLAIM_REMIND_DAYS'
    | 'CLAIM_RELEASE_DAYS'
    | 'DEFAULT_LOCALE'
    | 'PR_NUDGE_DAYS'
    | 'MENTOR_MAX_MENTEES'
    | 'MENTOR_ANSWER_HOURS'
  >;
  post: Post;
  log: Logger;
  now: () => Date;
  /** How a platform's short wait (a 429's Retry-After) is waited; real time unless a test says otherwise. */
  wait?: (ms: number) => Promise<void>;
  /** The contribution funnel's hook (pull request opened, merged), when the integrator connects one. */
  journeyEvents?: JourneyEvents;
}

/** A platform asking to wait longer than this is asked again at the next daily run instead. */
const MAX_WAIT_MS = 30_000;

export interface FollowUpReport {
  reminded: number;
  released: number;
  notified: number;
  failed: number;
  /** Pull requests noticed, nudged for want of a review, and merged (each told once). */
  prOpened: number;
  nudged: number;
  merged: number;
  /** Mentors asked after a time-out or a failed ask, and calls for volunteers. */
  mentorsAsked: number;
  volunteerCalls: number;
  /** Another runner (a replica) held the follow-up lock: this one did nothing. */
  busy?: boolean;
}

/** The job lock of the daily follow-ups: one replica decides and sends them. */
export const FOLLOW_UP_LOCK = 'claim-follow-ups';

async function speakTo(deps: FollowUpDeps, user: UserKey): Promise<Translate> {
  const locale = preferredLocale(await deps.store.users.get(user)) ?? deps.config.DEFAULT_LOCALE;
  return deps.translator.bind(locale, { platform: user.platform });
}

function reminder(deps: FollowUpDeps, t: Translate, claim: Claim): Reply {
  const channel = helpChannel(deps.content, claim.user.platform, claim.sigId);
  const days = Math.max(1, Math.floor((deps.now().getTime() - claim.createdAt.getTime()) / DAY));
  const releaseOn = new Date(deps.now().getTime() + deps.config.CLAIM_RELEASE_DAYS * DAY).toISOString().slice(0, 10);
  return {
    blocks: [
      text(t('claim.remind', { days, title: claim.title, linkMarkup: linkMarkup(claim) })),
      text(channel ? t('claim.remind_channel', { channel }) : t('claim.remind_general')),
      text(t('claim.remind_release', { days: deps.config.CLAIM_RELEASE_DAYS, number: claim.number })),
      text(t('journey.release_on', { date: releaseOn })),
      buttons([{ id: 'claim.release', label: t('claim.button_release'), value: refOf(claim), style: 'danger' }]),
    ],
  };
}

async function send(deps: FollowUpDeps, user: UserKey, reply: Reply, what: string): Promise<boolean> {
  const post = () => safePost(deps.post, userDestination(user), reply);
  let result = await post();
  // A rate limit says when to come back: a short wait is worth it (one more try), a long one waits for tomorrow.
  if (!result.ok && result.retryAfterMs !== undefined && result.retryAfterMs <= MAX_WAIT_MS) {
    await (deps.wait ?? systemClock.sleep)(result.retryAfterMs);
    result = await post();
  }
  if (!result.ok && result.uncertain) {
    // Perhaps delivered: counted as sent, so nobody gets the same message twice.
    deps.log.warn(
      { what, platform: user.platform, error: result.error },
      'claim follow-up may not have been delivered; not sent again',
    );
    return true;
  }
  if (!result.ok)
    deps.log.warn({ what, platform: user.platform, error: result.error }, 'claim follow-up not delivered');
  return result.ok;
}

/**
 * Tells the first person waiting for each issue whose claim was given up or released; the next one after a
 * turn unanswered. An issue whose claim ended because it was closed is nobody's to take: its waitlist goes.
 */
export async function notifyWaitlists(deps: FollowUpDeps): Promise<{ notified: number; failed: number }> {
  const out = { notified: 0, failed: 0 };
  for (const issue of await deps.store.waitlist.waitedFor()) {
    const ended = await deps.store.claims.lastOn(issue);
    if (ended?.status !== 'released') {
      if (ended?.status === 'done') await deps.store.waitlist.clear(issue);
      continue;
    }
    const waiter = await deps.store.waitlist.tellNext(issue, deps.now(), WAITLIST_TURN_DAYS * DAY);
    if (!waiter) continue;
    const t = await speakTo(deps, waiter.user);
    if (await send(deps, waiter.user, freeAgain(t, issue), 'waitlist')) out.notified += 1;
    else {
      await deps.store.waitlist.notified(waiter.user, issue, null); // told nobody: the next run tries again
      out.failed += 1;
    }
  }
  return out;
}

/** A claim ended because GitHub shows the issue assigned to someone else: its holder hears why, once. */
export async function tellTaken(deps: FollowUpDeps, claim: Claim): Promise<void> {
  const t = await speakTo(deps, claim.user);
  await send(
    deps,
    claim.user,
    { blocks: [text(t('claim.taken_elsewhere', { title: claim.title, linkMarkup: linkMarkup(claim) }))] },
    'taken',
  );
}

function freeAgain(t: Translate, issue: WaitedIssue): Reply {
  return {
    blocks: [
      text(t('claim.waitlist_free', { title: issue.title, linkMarkup: linkMarkup(issue) })),
      buttons([{ id: CLAIM_BUTTON, label: t('issues.button_claim'), value: refOf(issue), style: 'primary' }]),
    ],
  };
}

/** Daily: silence past CLAIM_REMIND_DAYS gets a nudge; CLAIM_RELEASE_DAYS more frees the issue for the next person. */
export async function claimFollowUps(deps: FollowUpDeps): Promise<FollowUpReport> {
  const result = await deps.store.jobLocks.withLock(FOLLOW_UP_LOCK, deps.now, (heartbeat) =>
    followUps(deps, throttled(heartbeat, deps.now)),
  );
  if (result.locked) return result.value;
  deps.log.info('claim follow-ups: another runner is doing them; nothing to do here');
  return { ...emptyReport(), busy: true };
}

const emptyReport = (): FollowUpReport => ({
  reminded: 0,
  released: 0,
  notified: 0,
  failed: 0,
  prOpened: 0,
  nudged: 0,
  merged: 0,
  mentorsAsked: 0,
  volunteerCalls: 0,
});

async function followUps(deps: FollowUpDeps, alive: () => Promise<void>): Promise<FollowUpReport> {
  const report = emptyReport();
  const now = deps.now();
  const journey = createJourney(deps);
  for (const claim of await deps.store.claims.allOpen()) {
    await alive();
    // The holder's pull request first: an open one means the claim is never reminded nor released.
    const state = await journey.follow(claim, report);
    if (state === 'merged' || state === 'open_pr') continue;
    const remind = !claim.remindedAt && now.getTime() - quietSince(claim) >= deps.config.CLAIM_REMIND_DAYS * DAY;
    const release =
      claim.remindedAt && now.getTime() - claim.remindedAt.getTime() >= deps.config.CLAIM_RELEASE_DAYS * DAY;
    if (!remind && !release) continue;
    // A refresh checks only some claims: before speaking, GitHub is asked once more (unreachable: the stored word stands).
    const seen = await checkClaim({ ...deps, tellTaken: (c) => tellTaken(deps, c) }, claim);
    if (seen === 'ended' || seen === 'progressed') continue;
    const t = await speakTo(deps, claim.user);
    if (remind) {
      if (!(await deps.store.claims.reminded(claim.id, now))) continue; // another runner sent it
      if (await send(deps, claim.user, reminder(deps, t, claim), 'reminder')) report.reminded += 1;
      else {
        await deps.store.claims.reminded(claim.id, null);
        report.failed += 1;
      }
    } else {
      if (!(await deps.store.claims.end(claim.id, 'released', 'inactive', now))) continue;
      report.released += 1;
      // Released either way: the message is a courtesy, the next person matters more.
      if (
        !(await send(
          deps,
          claim.user,
          { blocks: [text(t('claim.released_inactive', { title: claim.title, linkMarkup: linkMarkup(claim) }))] },
          'release',
        ))
      )
        report.failed += 1;
    }
  }
  // Mentors silent past MENTOR_ANSWER_HOURS, and requests no mentor could be reached for: the next one is asked.
  const desk = createHelpDesk({ ...deps, open: async () => ({ ok: false, error: 'unsupported' }) });
  const swept = await desk.sweep();
  report.mentorsAsked = swept.asked;
  report.volunteerCalls = swept.volunteers;
  const waitlists = await notifyWaitlists(deps);
  report.notified = waitlists.notified;
  report.failed += waitlists.failed;
  deps.log.info({ ...report }, 'claim follow-ups done');
  return report;
}

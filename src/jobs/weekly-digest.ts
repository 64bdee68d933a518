// The weekly digest job: once per period, every SIG channel and opted-in person gets what became free.
import { issueKey } from '../store/issues.js';
import type { Deps } from '../wiring/deps.js';
import type { Platform, Reply } from '../core/types.js';
import { createDigestBuilder } from '../digest/build.js';
import { deliverOne, runPool, type Outcome, type Post } from '../digest/deliver.js';
import { channelTargets, dmTargets, planned, type DigestTarget } from '../digest/destinations.js';
import { createFreshness, trustIndex, type FreshnessCheck } from '../digest/freshness.js';
import type { DigestIssueSource } from '../digest/issue-source.js';
import { createPacer, paceFor, type Clock, type Pace } from '../digest/pacing.js';
import { periodKey } from '../digest/period.js';
import { describeHolder, throttled, type LockHolder } from '../store/job-locks.js';
import { rankBySig } from '../digest/select.js';
import type { DeliveryRow, DeliveryStatus } from '../store/digests.js';

/** Failed sends are retried by later runs of the same period until this many attempts. */
export const MAX_ATTEMPTS = 5;
/** The job lock of the digest (a lease name on SQLite, part of the advisory lock's key on PostgreSQL). */
export const DIGEST_LOCK = 'weekly-digest';

export interface DigestJob {
  issues: DigestIssueSource;
  post: Post;
  clock: Clock;
  /** The platforms this deployment serves: each period plans a digest for their channels and people. */
  platforms: readonly Platform[];
  /** The platforms this runner can post to (default: all of them); the others' digests wait for a runner that can. */
  reachable?: readonly Platform[];
  /** Overrides of the default pacing per platform (tests and the bench). */
  pace?: Record<string, Pace>;
}

export interface DigestReport {
  period: string;
  /** `busy`: another runner holds the lock; `incomplete`: some sends failed and the next run retries them. */
  status: 'busy' | 'done' | 'incomplete';
  /** What this run did. */
  ran: Record<Outcome | 'cancelled' | 'interrupted', number>;
  /** Where every destination of the period stands afterwards. */
  ledger: Partial<Record<DeliveryStatus, number>>;
  /** With `busy`: who holds the lock, since when, until when (when known). */
  holder?: LockHolder;
}

export const retryable = (r: DeliveryRow) =>
  r.status === 'pending' || (r.status === 'failed' && r.attempts < MAX_ATTEMPTS);

async function targetsNow(deps: Deps, platforms: readonly Platform[]): Promise<DigestTarget[]> {
  const channels = channelTargets(deps.content, platforms, deps.config.DEFAULT_LOCALE);
  const people = dmTargets(
    await deps.store.digests.dmRecipients(),
    deps.content,
    platforms,
    deps.config.DEFAULT_LOCALE,
  );
  return [...channels, ...people];
}

async function builderFor(deps: Deps, job: DigestJob, freshness: FreshnessCheck) {
  await job.issues.prepare?.();
  // The cutoff is taken before the read: an issue stamped before it is in what is read; one stamped after, in the next digest.
  const asOf = job.clock.now();
  const claimed = new Set((await deps.store.claims.allOpen()).map((c) => c.key));
  // Someone here already said they would work on these: a digest does not advertise them (as /issues does not).
  const issues = (await job.issues.claimable()).filter((i) => !claimed.has(issueKey(i)));
  const ranked = rankBySig(issues, deps.content.community.github.labels, asOf);
  const cutoffs = await deps.store.digests.lastCutoffs();
  return createDigestBuilder({ content: deps.content, translator: deps.translator, ranked, cutoffs, asOf, freshness });
}

function tally(rows: DeliveryRow[]): Partial<Record<DeliveryStatus, number>> {
  const out: Partial<Record<DeliveryStatus, number>> = {};
  for (const r of rows) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
}

async function runPeriod(
  deps: Deps,
  job: DigestJob,
  period: string,
  heartbeat: () => Promise<void>,
): Promise<DigestReport> {
  const ledger = deps.store.digests;
  const now = () => job.clock.now();
  const ran: DigestReport['ran'] = {
    sent: 0,
    empty: 0,
    failed: 0,
    uncertain: 0,
    skipped: 0,
    cancelled: 0,
    interrupted: 0,
  };
  const run = await ledger.openRun(period, now());
  ran.interrupted = await ledger.markInterrupted(period, now());
  if (ran.interrupted > 0)
    deps.log.warn(
      { period, count: ran.interrupted },
      'digest: a previous runner stopped mid-send; those deliveries are marked uncertain and not sent again',
    );

  const targets = await targetsNow(deps, job.platforms);
  // The destination list is fixed when the period's first run plans it; later runs only finish it.
  if (!run.planned) {
    await ledger.plan(period, targets.map(planned), now());
    await ledger.markPlanned(period, now());
  }
  const byKey = new Map(targets.map((t) => [t.key, t]));
  const reachable = job.reachable ?? job.platforms;
  const todo: DigestTarget[] = [];
  for (const row of (await ledger.deliveries(period)).filter(retryable)) {
    const target = byKey.get(row.destination);
    if (target) {
      if (reachable.includes(target.destination.platform)) todo.push(target);
    } else if (job.platforms.includes(row.platform as Platform)) {
      // Turned DM digests off, or the channel left the content, since the period was planned.
      await ledger.settle(period, row.destination, ['pending', 'failed'], { status: 'cancelled' }, now());
      ran.cancelled += 1;
    }
  }

  if (todo.length > 0) {
    const build = await builderFor(deps, job, createFreshness(job.issues, job.clock, deps.log));
    // Throttled, and called before every attempt too: a long Retry-After must not let the SQLite lease lapse.
    const alive = throttled(heartbeat, now);
    const platforms = [...new Set(todo.map((t) => t.destination.platform))];
    const results = await Promise.allSettled(
      platforms.map((platform) => {
        const pace = paceFor(platform, job.pace);
        const sender = {
          periodKey: period,
          ledger,
          post: job.post,
          clock: job.clock,
          log: deps.log,
          pacer: createPacer(job.clock, pace),
          build,
          alive,
        };
        // Channels first: they reach the most people.
        const mine = todo
          .filter((t) => t.destination.platform === platform)
          .sort((a, b) => (a.destination.kind === b.destination.kind ? 0 : a.destination.kind === 'channel' ? -1 : 1));
        return runPool(mine, pace.concurrency, async (target) => {
          ran[await deliverOne(sender, target)] += 1;
        });
      }),
    );
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
  }

  const rows = await ledger.deliveries(period);
  const status = rows.some(retryable) ? 'incomplete' : 'done';
  await ledger.finishRun(period, status, now());
  return { period, status, ran, ledger: tally(rows) };
}

/**
 * Sends this period's digests, or finishes them after an interrupted or partly failed run. Safe to
 * call at any time and from several replicas: only the lock holder works, and the ledger makes every
 * destination receive at most one digest per period.
 */
export async function weeklyDigest(deps: Deps, job: DigestJob): Promise<DigestReport> {
  const period = periodKey(job.clock.now(), deps.config.DIGEST_TIMEZONE);
  const result = await deps.store.jobLocks.withLock(
    DIGEST_LOCK,
    () => job.clock.now(),
    (heartbeat) => runPeriod(deps, job, period, heartbeat),
  );
  if (!result.locked) {
    deps.log.info(
      { period, holder: describeHolder(result.holder) },
      'digest: another runner is sending this period; nothing to do here',
    );
    const empty = { sent: 0, empty: 0, failed: 0, uncertain: 0, skipped: 0, cancelled: 0, interrupted: 0 };
    return { period, status: 'busy', ran: empty, ledger: {}, ...(result.holder ? { holder: result.holder } : {}) };
  }
  deps.log.info(
    { period: result.value.period, status: result.value.status, ran: result.value.ran },
    'digest: run finished',
  );
  return result.value;
}

export interface PreviewEntry {
  target: DigestTarget;
  /** Where the ledger stands for this destination this period, when it has a row. */
  recorded: DeliveryStatus | null;
  reply: Reply | null;
}

/** What each destination would get if the digest ran now (nothing is sent, recorded, or asked of GitHub). */
export async function previewDigest(
  deps: Deps,
  job: Omit<DigestJob, 'post'>,
): Promise<{ period: string; entries: PreviewEntry[] }> {
  const period = periodKey(job.clock.now(), deps.config.DIGEST_TIMEZONE);
  const recorded = new Map((await deps.store.digests.deliveries(period)).map((r) => [r.destination, r]));
  const build = await builderFor(deps, { ...job, post: async () => ({ ok: false, error: 'preview' }) }, trustIndex);
  const entries: PreviewEntry[] = [];
  for (const target of await targetsNow(deps, job.platforms)) {
    const row = recorded.get(target.key);
    entries.push({
      target,
      recorded: row?.status ?? null,
      reply: row && !retryable(row) ? null : (await build(target)).reply,
    });
  }
  return { period, entries };
}

// The weekly starter post: once per period in each newcomer channel, through the digest's delivery ledger.
import type { DigestJob } from './weekly-digest.js';
import type { Platform, Destination, Reply } from '../core/types.js';
import type { Content } from '../content/types.js';
import type { StarterPostSettings } from '../content/schema.js';
import type { BuiltDigest } from '../digest/build.js';
import { deliverOne, runPool, type Outcome } from '../digest/deliver.js';
import { destinationKey, planned, type DigestTarget } from '../digest/destinations.js';
import { createFreshness, trustIndex, type FreshnessCheck } from '../digest/freshness.js';
import type { DigestIssue } from '../digest/issue-source.js';
import { createPacer, paceFor } from '../digest/pacing.js';
import { periodKey } from '../digest/period.js';
import { createSelector, rankBySig } from '../digest/select.js';
import { ANY_WORKSPACE } from '../core/types.js';
import { issueKey } from '../store/issues.js';
import type { DeliveryRow, DeliveryStatus } from '../store/digests.js';
import { describeHolder, throttled, type LockHolder } from '../store/job-locks.js';
import type { Deps } from '../wiring/deps.js';
import { composeStarterPost, meetingsThisWeek } from './starter-post-compose.js';
import { retryable } from './weekly-digest.js';

/**
 * The starter post shares the digest's ledger (runs, one row per destination, claim → post → settle) as a
 * kind of its own: its periods and destinations carry this prefix, so neither job ever reads the other's
 * rows (the digest's "last cutoff" per destination is looked up by its own, unprefixed keys).
 */
export const STARTER_KIND = 'starter';
export const STARTER_LOCK = 'starter-post';

export const starterPeriod = (at: Date, timeZone: string) => `${STARTER_KIND}:${periodKey(at, timeZone)}`;

/** What a run needs is what a digest run needs: an issue source, the outbox, a clock, the platforms. */
export type StarterJob = DigestJob;

export interface StarterReport {
  period: string;
  status: 'off' | 'busy' | 'done' | 'incomplete';
  ran: Record<Outcome | 'interrupted', number>;
  ledger: Partial<Record<DeliveryStatus, number>>;
  holder?: LockHolder;
}

export function starterSettings(content: Content): StarterPostSettings | null {
  const s = content.community.starterPost;
  return s?.enabled ? s : null;
}

/** One target per newcomer channel on each platform this deployment serves, in the community's language. */
export function starterTargets(deps: Pick<Deps, 'content' | 'config'>, platforms: readonly Platform[]): DigestTarget[] {
  const out: DigestTarget[] = [];
  const seen = new Set<string>();
  for (const platform of platforms) {
    const names = (deps.content.community.channels.newcomer as Record<string, string[] | undefined>)[platform] ?? [];
    for (const raw of names) {
      const channelId = raw.trim().replace(/^#/, '');
      if (!channelId) continue;
      const destination: Destination = { platform, workspaceId: ANY_WORKSPACE, kind: 'channel', channelId };
      const key = `${STARTER_KIND}:${destinationKey(destination)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ key, destination, sigIds: [], locale: deps.config.DEFAULT_LOCALE });
    }
  }
  return out;
}

/**
 * Up to `limit` free issues, one group at a time: groups are visited in the order of their freshest
 * issue, so five posts' worth of issues come from five groups rather than the busiest one.
 */
function pickAcross(issues: DigestIssue[], labels: readonly string[], asOf: Date, max: number): DigestIssue[] {
  const ranked = rankBySig(issues, labels, asOf);
  const order = [...ranked.bySig.entries()]
    .sort(([a, x], [b, y]) => (y.times[0] ?? 0) - (x.times[0] ?? 0) || (a < b ? -1 : 1))
    .map(([id]) => id);
  return createSelector(ranked)(order, { after: null, until: asOf }, max).ordered;
}

async function builderFor(
  deps: Deps,
  job: Omit<StarterJob, 'post'>,
  settings: StarterPostSettings,
  freshness: FreshnessCheck,
) {
  await job.issues.prepare?.();
  const asOf = job.clock.now();
  const claimed = new Set((await deps.store.claims.allOpen()).map((c) => c.key));
  const free = (await job.issues.claimable()).filter((i) => !claimed.has(issueKey(i)));
  const candidates = pickAcross(free, deps.content.community.github.labels, asOf, settings.issues + 10);
  // Every channel gets the same issues: they are re-checked once, up front, rather than per channel.
  const { fresh } = await freshness.pick(candidates, settings.issues);
  const meetings = meetingsThisWeek(deps.content, settings.meetingsOf, asOf);
  return async (target: DigestTarget): Promise<BuiltDigest> => {
    const t = deps.translator.bind(target.locale, { platform: target.destination.platform });
    const reply: Reply = composeStarterPost(deps.content, { issues: fresh, meetings, locale: target.locale }, t);
    return { reply, issueKeys: fresh.map((i) => i.key), cutoff: asOf, first: false };
  };
}

function tally(rows: DeliveryRow[]): Partial<Record<DeliveryStatus, number>> {
  const out: Partial<Record<DeliveryStatus, number>> = {};
  for (const r of rows) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
}

async function runPeriod(
  deps: Deps,
  job: StarterJob,
  settings: StarterPostSettings,
  period: string,
  heartbeat: () => Promise<void>,
): Promise<StarterReport> {
  const ledger = deps.store.digests;
  const now = () => job.clock.now();
  const ran: StarterReport['ran'] = { sent: 0, empty: 0, failed: 0, uncertain: 0, skipped: 0, interrupted: 0 };
  const run = await ledger.openRun(period, now());
  ran.interrupted = await ledger.markInterrupted(period, now());
  if (ran.interrupted > 0)
    deps.log.warn(
      { period, count: ran.interrupted },
      'starter post: a previous runner stopped mid-send; not sent again there',
    );
  const targets = starterTargets(deps, job.platforms);
  if (!run.planned) {
    await ledger.plan(period, targets.map(planned), now());
    await ledger.markPlanned(period, now());
  }
  const byKey = new Map(targets.map((t) => [t.key, t]));
  const reachable = job.reachable ?? job.platforms;
  const todo = (await ledger.deliveries(period))
    .filter(retryable)
    .map((row) => byKey.get(row.destination))
    .filter((t): t is DigestTarget => t !== undefined && reachable.includes(t.destination.platform));
  if (todo.length > 0) {
    const build = await builderFor(deps, job, settings, createFreshness(job.issues, job.clock, deps.log));
    const alive = throttled(heartbeat, now);
    for (const platform of [...new Set(todo.map((t) => t.destination.platform))]) {
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
      await runPool(
        todo.filter((t) => t.destination.platform === platform),
        pace.concurrency,
        async (target) => {
          ran[await deliverOne(sender, target)] += 1;
        },
      );
    }
  }
  const rows = await ledger.deliveries(period);
  const status = rows.some(retryable) ? 'incomplete' : 'done';
  await ledger.finishRun(period, status, now());
  return { period, status, ran, ledger: tally(rows) };
}

const NOTHING = { sent: 0, empty: 0, failed: 0, uncertain: 0, skipped: 0, interrupted: 0 };

/** Posts this period's starter post in every newcomer channel that has not had it; safe to run any time, anywhere. */
export async function starterPost(deps: Deps, job: StarterJob): Promise<StarterReport> {
  const period = starterPeriod(job.clock.now(), deps.config.DIGEST_TIMEZONE);
  const settings = starterSettings(deps.content);
  if (!settings) return { period, status: 'off', ran: { ...NOTHING }, ledger: {} };
  const result = await deps.store.jobLocks.withLock(
    STARTER_LOCK,
    () => job.clock.now(),
    (hb) => runPeriod(deps, job, settings, period, hb),
  );
  if (!result.locked) {
    deps.log.info(
      { period, holder: describeHolder(result.holder) },
      'starter post: another runner is posting this period',
    );
    return {
      period,
      status: 'busy',
      ran: { ...NOTHING },
      ledger: {},
      ...(result.holder ? { holder: result.holder } : {}),
    };
  }
  deps.log.info({ period, status: result.value.status, ran: result.value.ran }, 'starter post: run finished');
  return result.value;
}

export interface StarterPreview {
  period: string;
  enabled: boolean;
  entries: { target: DigestTarget; recorded: DeliveryStatus | null; reply: Reply | null }[];
}

/** What each newcomer channel would get now (nothing sent or recorded, GitHub not asked). */
export async function previewStarterPost(deps: Deps, job: Omit<StarterJob, 'post'>): Promise<StarterPreview> {
  const period = starterPeriod(job.clock.now(), deps.config.DIGEST_TIMEZONE);
  const settings = deps.content.community.starterPost;
  const recorded = new Map((await deps.store.digests.deliveries(period)).map((r) => [r.destination, r]));
  const build = await builderFor(
    deps,
    job,
    settings ?? { enabled: false, cron: '0 9 * * 1', issues: 5, meetingsOf: [] },
    trustIndex,
  );
  const entries: StarterPreview['entries'] = [];
  for (const target of starterTargets(deps, job.platforms)) {
    const row = recorded.get(target.key);
    entries.push({
      target,
      recorded: row?.status ?? null,
      reply: row && !retryable(row) ? null : (await build(target)).reply,
    });
  }
  return { period, enabled: Boolean(settings?.enabled), entries };
}

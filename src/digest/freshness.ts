// Re-checks selected issues with GitHub just before a digest lists them, remembering answers for the run.
import type { Logger } from '../log.js';
import type { DigestIssue, DigestIssueSource, Freshness } from './issue-source.js';
import type { Clock } from './pacing.js';

/** A "still free" answer is trusted this long; a run that sends for many minutes asks again after it. */
export const FRESH_FOR_MS = 2 * 60_000;

export interface FreshnessCheck {
  /** The first `limit` candidates still claimable, in order, and how many were found taken. */
  pick(candidates: readonly DigestIssue[], limit: number): Promise<{ fresh: DigestIssue[]; taken: number }>;
}

/** Dry runs list what the index holds without asking GitHub. */
export const trustIndex: FreshnessCheck = {
  async pick(candidates, limit) {
    return { fresh: candidates.slice(0, limit), taken: 0 };
  },
};

/**
 * Candidates are checked in rank order, only as many as are still needed, so an issue taken since the
 * refresh is replaced by the next best one. A taken issue stays taken for the rest of the run. When
 * GitHub cannot answer, the index's word stands (`unknown` keeps the issue): a digest a little stale
 * is better than none.
 */
export function createFreshness(source: DigestIssueSource, clock: Clock, log: Logger): FreshnessCheck {
  const known = new Map<string, { state: Freshness; at: number }>();
  const current = (key: string) => {
    const k = known.get(key);
    return k && (k.state === 'taken' || clock.now().getTime() - k.at < FRESH_FOR_MS) ? k.state : undefined;
  };
  return {
    async pick(candidates, limit) {
      const fresh: DigestIssue[] = [];
      let taken = 0;
      let i = 0;
      while (fresh.length < limit && i < candidates.length) {
        const batch = candidates.slice(i, i + limit - fresh.length);
        i += batch.length;
        const ask = batch.filter((issue) => current(issue.key) === undefined);
        if (ask.length > 0) {
          let answer = new Map<string, Freshness>();
          try {
            answer = await source.recheck(ask);
          } catch (err) {
            log.warn({ err, issues: ask.length }, 'digest: GitHub re-check failed; keeping the issues the index holds');
          }
          const at = clock.now().getTime();
          for (const issue of ask) known.set(issue.key, { state: answer.get(issue.key) ?? 'unknown', at });
        }
        for (const issue of batch) {
          if (current(issue.key) === 'taken') taken += 1;
          else fresh.push(issue);
        }
      }
      return { fresh, taken };
    },
  };
}

// Digests over the issue index (what became claimable, and when) and the GitHub port (the live re-check).
import { refOf } from '../views/issue-ref.js';
import type { GithubPort, IssueIndex } from '../github/ports.js';
import type { Logger } from '../log.js';
import { runPool } from './deliver.js';
import type { DigestIssueSource, Freshness } from './issue-source.js';

/** Re-checks in flight at once: a handful, far below GitHub's concurrency limits, during a long run. */
const CHECKS_AT_ONCE = 4;

export interface IndexSourceOptions {
  log: Logger;
  /** Brings a stale index up to date before a digest reads it (the GitHub side's single-flight refresh). */
  refresh?: () => Promise<unknown>;
}

export function createIndexIssueSource(
  index: IssueIndex,
  github: GithubPort,
  options: IndexSourceOptions,
): DigestIssueSource {
  return {
    async prepare() {
      index.invalidate();
      if (options.refresh && (await index.status()).stale) {
        // A digest from a day-old index would miss what became free since; a failed refresh still leaves the last one.
        await options
          .refresh()
          .catch((err: unknown) =>
            options.log.warn({ err }, 'digest: the issue index could not be refreshed; using it as it is'),
          );
      }
    },
    async claimable() {
      // Straight from the store, not the copy chat keeps for a few seconds: an issue another replica added
      // meanwhile would otherwise be left out of this digest yet fall before its cutoff, and never be sent.
      index.invalidate();
      return (await index.list()).map((i) => ({
        owner: i.owner,
        repo: i.repo,
        number: i.number,
        key: refOf(i),
        title: i.title,
        url: i.url,
        sigIds: i.sigIds,
        labels: i.labels,
        language: i.language,
        claimableSince: new Date(i.firstSeenAt),
      }));
    },
    async recheck(issues) {
      const out = new Map<string, Freshness>();
      await runPool(issues, CHECKS_AT_ONCE, async (issue) => {
        const id = { owner: issue.owner, repo: issue.repo, number: issue.number };
        // Conditional requests through the GitHub layer's ETag cache: an unchanged issue costs a 304.
        const check = await github.checkIssue(id, { interactive: false });
        const state: Freshness =
          check.state === 'free' ? 'claimable' : check.state === 'unreachable' ? 'unknown' : 'taken';
        out.set(issue.key, state);
        // Chat stops offering it at once too; the next refresh agrees or brings it back.
        if (state === 'taken') await index.forget(id).catch(() => undefined);
      });
      return out;
    },
  };
}

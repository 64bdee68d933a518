// The issue refresh job: re-reads the index from GitHub when due, then looks for progress on open claims.
import type { GithubSide, RefreshOptions } from '../github/create.js';
import type { GithubPort, IssueIndex, ProgressSignal } from '../github/ports.js';
import type { RefreshReport } from '../github/refresh-index.js';
import type { Logger } from '../log.js';
import type { Claim } from '../store/claims.js';
import type { Store } from '../store/store.js';

export interface RefreshIssuesDeps {
  refresh: GithubSide['refresh'];
  issues: IssueIndex;
  github: GithubPort;
  store: Store;
  log: Logger;
  now: () => Date;
}

export interface ClaimsChecked {
  checked: number;
  progressed: number;
  /** Claims ended because their issue was closed (done, or gone). */
  ended: number;
  unreachable: number;
}

/**
 * Progress is the claimer's own: assigned, commenting, or a pull request of theirs. Without their login
 * only what cannot be anyone else's counts: the issue being assigned or getting a linked pull request.
 */
export function progressAt(claim: Claim, signals: ProgressSignal[], login: string | null): Date | null {
  const since = claim.createdAt.toISOString();
  const theirs = signals.filter((s) =>
    s.at > since && (login ? s.login?.toLowerCase() === login.toLowerCase() : s.kind === 'assigned' || s.kind === 'linked_pr'),
  );
  return theirs.length === 0 ? null : new Date(theirs.map((s) => s.at).sort().at(-1)!);
}

export async function checkClaims(deps: Pick<RefreshIssuesDeps, 'github' | 'store' | 'now'>): Promise<ClaimsChecked> {
  const out: ClaimsChecked = { checked: 0, progressed: 0, ended: 0, unreachable: 0 };
  for (const claim of await deps.store.claims.allOpen()) {
    const check = await deps.github.checkIssue(claim);
    if (check.state === 'unreachable') {
      out.unreachable += 1;
      continue;
    }
    out.checked += 1;
    if (check.state === 'closed' || check.state === 'not_found') {
      if (await deps.store.claims.end(claim.id, 'done', 'closed', deps.now())) out.ended += 1;
      // Nobody will get a closed issue: the people waiting for it are not told it is free.
      await deps.store.waitlist.clear(claim);
      continue;
    }
    const { login } = await deps.store.githubLogins.get(claim.user);
    const at = progressAt(claim, check.signals, login);
    if (at && (!claim.progressAt || at > claim.progressAt)) {
      await deps.store.claims.progress(claim.id, at);
      out.progressed += 1;
    }
  }
  return out;
}

/** Scheduled often; does the GitHub work only when the index is due (or `force`, from the CLI). */
export async function refreshIssues(
  deps: RefreshIssuesDeps,
  options: { force?: boolean; onQuery?: RefreshOptions['onQuery'] } = {},
): Promise<{ report: RefreshReport | null; claims: ClaimsChecked | null }> {
  if (!options.force && !(await deps.issues.status()).stale) return { report: null, claims: null };
  // The refresh decides again under its lock: another replica may have refreshed since this one read the status.
  const report = await deps.refresh({ ifDue: !options.force, ...(options.onQuery ? { onQuery: options.onQuery } : {}) });
  if (!report) return { report: null, claims: null }; // the sample, another runner refreshing, or no longer due
  const claims = await checkClaims(deps);
  deps.log.info({ queries: report.queries.length, failed: report.queries.filter((q) => !q.ok).length, ...claims }, 'issues refreshed');
  return { report, claims };
}

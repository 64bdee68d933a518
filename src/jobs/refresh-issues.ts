// The issue refresh job: re-reads the index from GitHub when due, then looks for progress on open claims.
import type { GithubSide, RefreshOptions } from '../github/create.js';
import { holderOf } from '../github/issue-holder.js';
import type { GithubPort, IssueIndex, ProgressSignal } from '../github/ports.js';
import type { RefreshReport } from '../github/refresh-index.js';
import type { Logger } from '../log.js';
import { quietSince, type Claim } from '../store/claims.js';
import type { Store } from '../store/store.js';

export interface RefreshIssuesDeps {
  refresh: GithubSide['refresh'];
  issues: IssueIndex;
  github: GithubPort;
  store: Store;
  log: Logger;
  now: () => Date;
  /** Open claims checked per refresh (default: claimChecksPerRefresh(true)). */
  claimChecks?: number;
  /** Tells a claim's holder that the issue went to someone else on GitHub (a direct message). */
  tellTaken?: (claim: Claim) => Promise<void>;
}

type CheckDeps = Pick<RefreshIssuesDeps, 'github' | 'store' | 'now' | 'tellTaken'>;

/**
 * Each claim checked costs an issue read and one to five timeline pages (conditional, but counted when
 * changed): with a token, 50 per refresh stay well under GitHub's 5,000 requests an hour; without one
 * (60 an hour in all), 5. The quietest claims go first, and a claim is checked again right before any
 * reminder or release, so the ones left for the next refresh lose nothing.
 */
export const claimChecksPerRefresh = (hasToken: boolean) => (hasToken ? 50 : 5);

export interface ClaimsChecked {
  checked: number;
  progressed: number;
  /** Claims ended because their issue was closed (done, or gone) or taken by someone else on GitHub. */
  ended: number;
  unreachable: number;
}

/**
 * Progress is the claimer's own: assigned, commenting, or a pull request of theirs. Without their login
 * only what cannot be anyone else's counts: the issue being assigned or getting a linked pull request.
 */
export function progressAt(claim: Claim, signals: ProgressSignal[], login: string | null): Date | null {
  const since = claim.createdAt.toISOString();
  const theirs = signals.filter(
    (s) =>
      s.at > since &&
      (login ? s.login?.toLowerCase() === login.toLowerCase() : s.kind === 'assigned' || s.kind === 'linked_pr'),
  );
  return theirs.length === 0
    ? null
    : new Date(
        theirs
          .map((s) => s.at)
          .sort()
          .at(-1)!,
      );
}

export type ClaimCheck = 'unreachable' | 'ended' | 'progressed' | 'quiet';

/** Reads one claim's issue on GitHub: ends the claim if the issue closed, records progress if there is new. */
export async function checkClaim(deps: CheckDeps, claim: Claim): Promise<ClaimCheck> {
  const check = await deps.github.checkIssue(claim);
  if (check.state === 'unreachable') return 'unreachable';
  if (check.state === 'closed' || check.state === 'not_found') {
    const ended = await deps.store.claims.end(claim.id, 'done', 'closed', deps.now());
    // Nobody will get a closed issue: the people waiting for it are not told it is free.
    await deps.store.waitlist.clear(claim);
    return ended ? 'ended' : 'quiet';
  }
  const { login } = await deps.store.githubLogins.get(claim.user);
  // Only an assignment says the issue is someone else's: an open pull request that merely mentions it may not fix it.
  if (check.state === 'assigned' && holderOf(check, login) === 'someone_else') {
    // Assigned to someone else on GitHub: the claim here is over, and nobody waiting can have it.
    const ended = await deps.store.claims.end(claim.id, 'done', 'taken', deps.now());
    await deps.store.waitlist.clear(claim);
    if (ended) await deps.tellTaken?.(claim);
    return ended ? 'ended' : 'quiet';
  }
  const at = progressAt(claim, check.signals, login);
  if (!at || (claim.progressAt && at <= claim.progressAt)) return 'quiet';
  await deps.store.claims.progress(claim.id, at);
  return 'progressed';
}

export async function checkClaims(deps: CheckDeps, limit = claimChecksPerRefresh(true)): Promise<ClaimsChecked> {
  const out: ClaimsChecked = { checked: 0, progressed: 0, ended: 0, unreachable: 0 };
  const quietest = (await deps.store.claims.allOpen()).sort((a, b) => quietSince(a) - quietSince(b)).slice(0, limit);
  for (const claim of quietest) {
    const outcome = await checkClaim(deps, claim);
    if (outcome === 'unreachable') out.unreachable += 1;
    else out.checked += 1;
    if (outcome === 'ended') out.ended += 1;
    if (outcome === 'progressed') out.progressed += 1;
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
  const report = await deps.refresh({
    ifDue: !options.force,
    ...(options.onQuery ? { onQuery: options.onQuery } : {}),
  });
  if (!report) return { report: null, claims: null }; // the sample, another runner refreshing, or no longer due
  const claims = await checkClaims(deps, deps.claimChecks);
  deps.log.info(
    { queries: report.queries.length, failed: report.queries.filter((q) => !q.ok).length, ...claims },
    'issues refreshed',
  );
  return { report, claims };
}

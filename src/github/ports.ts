// The GitHub-facing ports capabilities and jobs use (never Octokit types): the cached issue index and live checks.
import type { IndexedIssue, IssueId } from '../store/issues.js';
import type { LinkedPr, ProgressSignal } from './timeline.js';

export type { LinkedPr, ProgressSignal } from './timeline.js';

export type IssueSource = 'github' | 'sample';

export type IssueState = 'free' | 'assigned' | 'linked_pr' | 'closed' | 'pull_request' | 'not_found';

export type IssueCheck =
  | {
      state: IssueState;
      title: string | null;
      labels: string[];
      assignees: string[];
      signals: ProgressSignal[];
      /** Assignees that are automation or coding agents (GitHub type Bot, or named in content): never the person's. */
      automation?: string[];
      /** Pull requests whose timeline cross-reference names this issue, open, merged or closed. */
      pullRequests?: LinkedPr[];
    }
  | { state: 'unreachable'; reason: string };

export interface GithubPort {
  /** `sample` when answering from the bundled snapshot, so replies can say so. */
  readonly source: IssueSource;
  /** Where people read issues (https://github.com, or an Enterprise host). */
  readonly webBase: string;
  /** Hosts whose URLs in chat are issue references. */
  readonly issueHosts: string[];
  /** A live look at one issue; `interactive` answers quickly or reports it could not check. */
  checkIssue(id: IssueId, options?: { interactive?: boolean }): Promise<IssueCheck>;
  /** Null when GitHub could not be asked. */
  userExists(login: string): Promise<boolean | null>;
  /**
   * Chat's allowance of live checks: counts one for `person` and returns 0, or the seconds they must wait
   * (see live-budget.ts). Always 0 where nothing live is asked (the sample, an unconfigured GitHub).
   */
  liveCheck(person: string, now: Date): number;
  /** Whether anyone reviewed or commented on a pull request yet; null when GitHub could not be asked (absent offline). */
  prReviewed?(pr: { owner: string; repo: string; number: number }): Promise<boolean | null>;
}

export interface IndexStatus {
  source: IssueSource;
  /** When every configured query last read all its pages; null until then. */
  refreshedAt: Date | null;
  /** Past the refresh interval: a refresh is due. */
  stale: boolean;
  /** The last attempt of some query failed; what is shown is older than it should be. */
  failing: boolean;
}

export interface IssueIndex {
  status(): Promise<IndexStatus>;
  /** Every cached claimable issue, newest first. */
  list(): Promise<IndexedIssue[]>;
  get(id: IssueId): Promise<IndexedIssue | null>;
  /** Takes out an issue a live check found taken, so nobody else is offered it. */
  forget(id: IssueId): Promise<void>;
  /** Starts a refresh in the background when one is due; chat never waits for it. */
  refreshIfStale(): void;
  /** Drops the copy kept for chat (a few seconds old at most), so the next read comes from the store. */
  invalidate(): void;
}

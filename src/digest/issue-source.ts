// What digests need from the issue index: claimable issues per SIG, and a cheap re-check before sending.
import type { IssueId } from '../store/issues.js';

export interface DigestIssue extends IssueId {
  /** `owner/repo#123` (refOf): unique, and what the claim button carries. */
  key: string;
  title: string;
  url: string;
  /** The SIGs the issue belongs to (by label or repository), in the catalogue's ids. */
  sigIds: readonly string[];
  labels: readonly string[];
  /** The repository's main programming language, when known. */
  language: string | null;
  /**
   * When the index first saw the issue claimable (open, unassigned, no linked pull request). This is
   * the index's own observation time, not GitHub's `created_at`: an old issue that becomes free this
   * week is new to a digest, and an issue the index learns about late is not skipped.
   */
  claimableSince: Date;
}

/** `claimable`: still free; `taken`: assigned, linked to a pull request, or closed; `unknown`: GitHub did not say. */
export type Freshness = 'claimable' | 'taken' | 'unknown';

export interface DigestIssueSource {
  /** Brings the index up to date if it is due, before the digest takes its cutoff. */
  prepare?(): Promise<void>;
  /** Every issue the index holds as claimable now (read afresh, never from a cache). */
  claimable(): Promise<DigestIssue[]>;
  /**
   * Asks GitHub again about these issues just before a digest lists them, through conditional
   * requests (an unchanged issue costs a 304). Issues missing from the answer count as `unknown`.
   */
  recheck(issues: readonly DigestIssue[]): Promise<Map<string, Freshness>>;
}

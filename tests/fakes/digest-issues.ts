// A fake issue index for digests: a settable list of claimable issues, and GitHub's answer when re-checked.
import type { DigestIssue, DigestIssueSource, Freshness } from '../../src/digest/issue-source.js';

export interface FakeIssues extends DigestIssueSource {
  issues: DigestIssue[];
  /** Issues GitHub now reports as assigned, linked to a pull request, or closed. */
  taken: Set<string>;
  /** Keys asked about in each re-check. */
  rechecks: string[][];
  failRecheck: boolean;
}

export function issue(
  n: number,
  sigIds: string[],
  claimableSince: Date,
  extra: Partial<DigestIssue> = {},
): DigestIssue {
  return {
    key: `kubernetes/kubernetes#${n}`,
    owner: 'kubernetes',
    repo: 'kubernetes',
    number: n,
    title: `Issue ${n}`,
    url: `https://github.com/kubernetes/kubernetes/issues/${n}`,
    sigIds,
    labels: ['good first issue'],
    language: 'Go',
    claimableSince,
    ...extra,
  };
}

export function createFakeIssues(issues: DigestIssue[] = []): FakeIssues {
  const fake: FakeIssues = {
    issues,
    taken: new Set(),
    rechecks: [],
    failRecheck: false,
    async claimable() {
      // The index is as of its last refresh: it does not know what GitHub now reports taken.
      return [...fake.issues];
    },
    async recheck(list) {
      fake.rechecks.push(list.map((i) => i.key));
      if (fake.failRecheck) throw new Error('GitHub is unavailable');
      return new Map(list.map((i): [string, Freshness] => [i.key, fake.taken.has(i.key) ? 'taken' : 'claimable']));
    },
  };
  return fake;
}

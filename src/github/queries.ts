// The searches that find claimable issues: one per label and per set of organisations and repositories.
import type { Community } from '../content/schema.js';

/** GitHub treats repeated org:/repo: qualifiers as alternatives; small sets keep each query well inside its limits. */
const SCOPES_PER_QUERY = 10;

export interface IssueQuery {
  /** Stable identity, also the key its results are stored under. */
  key: string;
  /** The query without the created: range used when it has to be split. */
  q: string;
  label: string;
}

/** Free issues only: open, unassigned, no pull request linked, not in an archived repository. */
export const FREE = 'is:issue is:open no:assignee -linked:pr archived:false';

const quoted = (label: string) => `"${label.replace(/"/g, '')}"`;

/**
 * One query per starter label (GitHub reads repeated label: qualifiers as "all of them"), each also asking
 * for every required label and against every excluded one, so the index holds only what the community
 * means by a starter issue.
 */
export function buildQueries(github: Community['github']): IssueQuery[] {
  const scopes = [...github.orgs.map((o) => `org:${o}`), ...github.repos.map((r) => `repo:${r}`)];
  const sets: string[][] = [];
  for (let i = 0; i < scopes.length; i += SCOPES_PER_QUERY) sets.push(scopes.slice(i, i + SCOPES_PER_QUERY));
  const also = [
    ...github.requireLabels.map((l) => `label:${quoted(l)}`),
    ...github.excludeLabels.map((l) => `-label:${quoted(l)}`),
  ];
  return github.labels.flatMap((label) =>
    sets.map((set) => {
      const q = [FREE, `label:${quoted(label)}`, ...also, ...set].join(' ');
      return { key: q.toLowerCase(), q, label };
    }),
  );
}

// Which issues a destination hears about: new since its last digest, ranked, shared fairly across its SIGs.
import type { DigestIssue } from './issue-source.js';

export const DIGEST_LIMIT = 10;
/** A newcomer label at the head of the community's list is worth this much freshness. */
const LABEL_BONUS_HOURS = 48;

/**
 * Each SIG's claimable issues, best first. The score is freshness (hours since the issue became
 * claimable) with a bonus for the community's preferred labels, in the order `community.github.labels`
 * lists them ("good first issue" before "help wanted"); ties go to the newer issue, then the key,
 * so two runs rank the same data the same way.
 */
export function rankBySig(issues: readonly DigestIssue[], preferredLabels: readonly string[], now: Date): Map<string, DigestIssue[]> {
  const labels = preferredLabels.map((l) => l.toLowerCase());
  const bonus = (issue: DigestIssue) => {
    const ranks = issue.labels.map((l) => labels.indexOf(l.toLowerCase())).filter((i) => i >= 0);
    if (ranks.length === 0 || labels.length === 0) return 0;
    return (LABEL_BONUS_HOURS * (labels.length - Math.min(...ranks))) / labels.length;
  };
  const scored = issues.map((issue) => ({ issue, at: issue.claimableSince.getTime(), score: (now.getTime() - issue.claimableSince.getTime()) / 3_600_000 - bonus(issue) }));
  scored.sort((a, b) => a.score - b.score || b.at - a.at || (a.issue.key < b.issue.key ? -1 : a.issue.key > b.issue.key ? 1 : 0));
  const bySig = new Map<string, DigestIssue[]>();
  for (const { issue } of scored) for (const sigId of new Set(issue.sigIds)) (bySig.get(sigId) ?? bySig.set(sigId, []).get(sigId)!).push(issue);
  return bySig;
}

export interface Candidates {
  /** Best first, at most `max`: the digest's issues plus spares for those found taken at send time. */
  ordered: DigestIssue[];
  /** How many issues are new for this destination in all (for "and N more"). */
  total: number;
}

/**
 * Issues that became claimable after `cutoff` (all of them on a first digest) and up to `until`, the
 * instant this digest's own cutoff records: windows of successive digests meet exactly, so an issue
 * the index stamps later than `until` (another replica's clock running ahead) waits for the next one
 * instead of appearing twice. They are taken in turns from
 * each SIG so a busy group cannot crowd a quiet one out of a DM; an issue in two of the person's SIGs
 * counts once.
 */
export function candidatesFor(
  sigIds: readonly string[],
  bySig: ReadonlyMap<string, readonly DigestIssue[]>,
  window: { after: Date | null; until: Date },
  max: number,
): Candidates {
  const after = window.after?.getTime() ?? -Infinity;
  const until = window.until.getTime();
  const isNew = (i: DigestIssue) => {
    const at = i.claimableSince.getTime();
    return at > after && at <= until;
  };
  const lists = sigIds.map((id) => bySig.get(id) ?? []);
  const seen = new Set<string>();
  const ordered: DigestIssue[] = [];
  const next = lists.map(() => 0);
  let moved = true;
  while (ordered.length < max && moved) {
    moved = false;
    for (let s = 0; s < lists.length && ordered.length < max; s++) {
      const list = lists[s]!;
      let i = next[s]!;
      while (i < list.length && (!isNew(list[i]!) || seen.has(list[i]!.key))) i++;
      next[s] = i + 1;
      if (i < list.length) {
        seen.add(list[i]!.key);
        ordered.push(list[i]!);
        moved = true;
      }
    }
  }
  let total = 0;
  if (lists.length === 1) for (const i of lists[0]!) total += isNew(i) ? 1 : 0;
  else {
    const all = new Set<string>();
    for (const list of lists) for (const i of list) if (isNew(i)) all.add(i.key);
    total = all.size;
  }
  return { ordered, total };
}

/** The chosen issues under the first of the destination's SIGs each belongs to, in that SIG order. */
export function groupBySig(chosen: readonly DigestIssue[], sigIds: readonly string[]): { sigId: string; issues: DigestIssue[] }[] {
  const groups = sigIds.map((sigId) => ({ sigId, issues: [] as DigestIssue[] }));
  for (const issue of chosen) groups.find((g) => issue.sigIds.includes(g.sigId))?.issues.push(issue);
  return groups.filter((g) => g.issues.length > 0);
}

// Which issues a destination hears about: new since its last digest, ranked, shared fairly across its SIGs.
import type { DigestIssue } from './issue-source.js';

export const DIGEST_LIMIT = 10;
/** A newcomer label at the head of the community's list is worth this much freshness. */
const LABEL_BONUS_HOURS = 48;

/** One SIG's issues best first, with their numbers and times side by side for fast scans. */
interface RankedList {
  issues: DigestIssue[];
  ids: Int32Array;
  times: Float64Array;
}

export interface Ranked {
  bySig: ReadonlyMap<string, RankedList>;
  /** How many distinct issues there are (issue numbers run from 0 to count - 1). */
  count: number;
}

/**
 * Each SIG's claimable issues, best first. The score is freshness (hours since the issue became
 * claimable) with a bonus for the community's preferred labels, in the order `community.github.labels`
 * lists them ("good first issue" before "help wanted"); ties go to the newer issue, then the key,
 * so two runs rank the same data the same way.
 */
export function rankBySig(issues: readonly DigestIssue[], preferredLabels: readonly string[], now: Date): Ranked {
  const labels = preferredLabels.map((l) => l.toLowerCase());
  const bonus = (issue: DigestIssue) => {
    const ranks = issue.labels.map((l) => labels.indexOf(l.toLowerCase())).filter((i) => i >= 0);
    if (ranks.length === 0 || labels.length === 0) return 0;
    return (LABEL_BONUS_HOURS * (labels.length - Math.min(...ranks))) / labels.length;
  };
  const scored = issues.map((issue, id) => ({
    issue,
    id,
    at: issue.claimableSince.getTime(),
    score: (now.getTime() - issue.claimableSince.getTime()) / 3_600_000 - bonus(issue),
  }));
  scored.sort(
    (a, b) => a.score - b.score || b.at - a.at || (a.issue.key < b.issue.key ? -1 : a.issue.key > b.issue.key ? 1 : 0),
  );
  const lists = new Map<string, typeof scored>();
  for (const s of scored)
    for (const sigId of new Set(s.issue.sigIds)) (lists.get(sigId) ?? lists.set(sigId, []).get(sigId)!).push(s);
  const bySig = new Map<string, RankedList>();
  for (const [sigId, list] of lists)
    bySig.set(sigId, {
      issues: list.map((s) => s.issue),
      ids: Int32Array.from(list, (s) => s.id),
      times: Float64Array.from(list, (s) => s.at),
    });
  return { bySig, count: issues.length };
}

export interface Candidates {
  /** Best first, at most `max`: the digest's issues plus spares for those found taken at send time. */
  ordered: DigestIssue[];
  /** How many issues are new for this destination in all (for "and N more"). */
  total: number;
}

export type Select = (
  sigIds: readonly string[],
  window: { after: Date | null; until: Date },
  max: number,
) => Candidates;

/**
 * Picks issues that became claimable after `window.after` (all of them on a first digest) and up to
 * `window.until`, the instant this digest's own cutoff records: windows of successive digests meet
 * exactly, so an issue the index stamps later than `until` (another replica's clock running ahead)
 * waits for the next digest instead of appearing twice. Issues are taken in turns from each SIG, so
 * a busy group cannot crowd a quiet one out of a DM; an issue in two of the person's SIGs counts once.
 * One selector serves a whole run: "seen" marks are stamps in one array, not a set per destination.
 */
export function createSelector(ranked: Ranked): Select {
  const stamp = new Uint32Array(ranked.count);
  let round = 0;
  return (sigIds, window, max) => {
    const after = window.after?.getTime() ?? -Infinity;
    const until = window.until.getTime();
    const lists = sigIds.map((id) => ranked.bySig.get(id)).filter((l): l is RankedList => l !== undefined);
    const ordered: DigestIssue[] = [];
    round += 1;
    const next = lists.map(() => 0);
    for (let moved = true; ordered.length < max && moved; ) {
      moved = false;
      for (let s = 0; s < lists.length && ordered.length < max; s++) {
        const { issues, ids, times } = lists[s]!;
        let i = next[s]!;
        while (i < ids.length && (times[i]! <= after || times[i]! > until || stamp[ids[i]!] === round)) i++;
        next[s] = i + 1;
        if (i < ids.length) {
          stamp[ids[i]!] = round;
          ordered.push(issues[i]!);
          moved = true;
        }
      }
    }
    round += 1;
    let total = 0;
    for (const { ids, times } of lists)
      for (let i = 0; i < ids.length; i++) {
        if (times[i]! <= after || times[i]! > until || stamp[ids[i]!] === round) continue;
        stamp[ids[i]!] = round;
        total += 1;
      }
    return { ordered, total };
  };
}

/** The chosen issues under the first of the destination's SIGs each belongs to, in that SIG order. */
export function groupBySig(
  chosen: readonly DigestIssue[],
  sigIds: readonly string[],
): { sigId: string; issues: DigestIssue[] }[] {
  const groups = sigIds.map((sigId) => ({ sigId, issues: [] as DigestIssue[] }));
  for (const issue of chosen) groups.find((g) => issue.sigIds.includes(g.sigId))?.issues.push(issue);
  return groups.filter((g) => g.issues.length > 0);
}

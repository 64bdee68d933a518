// Gathers a group's picture for its leads from the issue index, the open claims and the funnel.
import type { Sig } from '../content/types.js';
import type { IndexedIssue } from '../store/issues.js';
import type { Claim } from '../store/claims.js';
import type { FunnelEvent } from '../store/funnel.js';
import { weekOf } from '../store/funnel-steps.js';
import { buildReport, type StepCounts } from './funnel-report.js';
import type { GroupPicture } from './lead-view.js';

export interface LeadSources {
  issues(): Promise<IndexedIssue[]>;
  openClaims(): Promise<Claim[]>;
  /** Every identified funnel step (groups are attributed over a person's history). */
  events(): Promise<FunnelEvent[]>;
}

const DAY_MS = 86_400_000;
const refOf = (c: Claim) => `${c.owner}/${c.repo}#${c.number}`;

export async function groupPictures(groups: readonly Sig[], sources: LeadSources, now: Date): Promise<GroupPicture[]> {
  const [issues, claims, events] = await Promise.all([sources.issues(), sources.openClaims(), sources.events()]);
  const held = new Set(claims.map((c) => c.key));
  const thisWeek = new Date(`${weekOf(now)}T00:00:00Z`);
  return groups.map((group) => ({
    group,
    freeIssues: issues.filter(
      (i) => i.sigIds.includes(group.id) && !held.has(`${i.owner}/${i.repo}#${i.number}`.toLowerCase()),
    ).length,
    newcomers: events.filter(
      (e) => e.step === 'picked_group' && e.group === group.id && e.at >= thisWeek && e.at <= now,
    ).length,
    claims: claims
      .filter((c) => c.sigId === group.id)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map((c) => ({
        ref: refOf(c),
        url: c.url,
        title: c.title,
        days: Math.floor((now.getTime() - c.createdAt.getTime()) / DAY_MS),
      })),
  }));
}

/** The group's funnel over the last four weeks (anonymous counts left aside: they are by week, not by day). */
export async function recentFunnel(
  group: string,
  sources: Pick<LeadSources, 'events'>,
  now: Date,
): Promise<StepCounts> {
  const since = new Date(now.getTime() - 28 * DAY_MS).toISOString().slice(0, 10);
  return buildReport(await sources.events(), [], { since, until: now.toISOString().slice(0, 10), group }).funnel;
}

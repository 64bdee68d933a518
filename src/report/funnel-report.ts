// Turns funnel rows into the report: counts per step, by group and by week, conversions and median days between steps.
import { attributeGroups, type FunnelCount, type FunnelEvent } from '../store/funnel.js';
import { FUNNEL_STEPS, weekOf, type FunnelStep } from '../store/funnel-steps.js';

export type StepCounts = Record<FunnelStep, number>;

export interface FunnelReport {
  /** As asked (YYYY-MM-DD), or null for an open end. */
  since: string | null;
  until: string | null;
  funnel: StepCounts;
  by_group: Record<string, StepCounts>;
  median_days: { claimed_to_pr_opened: number | null; pr_opened_to_pr_merged: number | null };
}

/** The report plus what only the text, CSV and chart show: weeks in order, each with its counts. */
export interface FullReport extends FunnelReport {
  weeks: { week: string; counts: StepCounts }[];
}

export interface ReportWindow {
  since?: string;
  until?: string;
  group?: string;
}

const DAY_MS = 86_400_000;

export const zeroCounts = (): StepCounts => Object.fromEntries(FUNNEL_STEPS.map((s) => [s, 0])) as StepCounts;

/** Share of the step before that reached this one, as a whole percentage; null for the first step or an empty one before. */
export function conversion(counts: StepCounts, step: FunnelStep): number | null {
  const i = FUNNEL_STEPS.indexOf(step);
  const before = i > 0 ? counts[FUNNEL_STEPS[i - 1]!] : 0;
  return before > 0 ? Math.round((counts[step] / before) * 100) : null;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(m * 100) / 100;
}

/** Days from one step to the next for each person who reached both inside the window. */
function gaps(events: FunnelEvent[], from: FunnelStep, to: FunnelStep): number[] {
  const starts = new Map<string, Date>();
  const person = (e: FunnelEvent) => `${e.user.platform}\u0000${e.user.workspaceId}\u0000${e.user.userId}`;
  for (const e of events) if (e.step === from) starts.set(person(e), e.at);
  return events.flatMap((e) => {
    const start = e.step === to ? starts.get(person(e)) : undefined;
    return start ? [(e.at.getTime() - start.getTime()) / DAY_MS] : [];
  });
}

/**
 * `events` are every identified row (groups are attributed over a person's whole history, then the window
 * applies); `counts` are the anonymous ones, already limited to the window's weeks.
 */
export function buildReport(all: FunnelEvent[], counts: FunnelCount[], window: ReportWindow): FullReport {
  const since = window.since ? new Date(`${window.since}T00:00:00Z`) : null;
  // `until` is a whole day, included.
  const until = window.until ? new Date(new Date(`${window.until}T00:00:00Z`).getTime() + DAY_MS) : null;
  const events = attributeGroups(all).filter(
    (e) => (!since || e.at >= since) && (!until || e.at < until) && (!window.group || e.group === window.group),
  );
  const rows = [
    ...events.map((e) => ({ step: e.step, group: e.group, week: weekOf(e.at), n: 1 })),
    ...counts
      .filter((c) => !window.group || c.group === window.group)
      .map((c) => ({ step: c.step, group: c.group, week: c.week, n: c.count })),
  ];
  const funnel = zeroCounts();
  const byGroup: Record<string, StepCounts> = {};
  const byWeek = new Map<string, StepCounts>();
  for (const r of rows) {
    funnel[r.step] += r.n;
    if (r.group) (byGroup[r.group] ??= zeroCounts())[r.step] += r.n;
    const week = byWeek.get(r.week) ?? zeroCounts();
    week[r.step] += r.n;
    byWeek.set(r.week, week);
  }
  const by_group = Object.fromEntries(
    Object.keys(byGroup)
      .sort()
      .map((g) => [g, byGroup[g]!]),
  );
  return {
    since: window.since ?? null,
    until: window.until ?? null,
    funnel,
    by_group,
    median_days: {
      claimed_to_pr_opened: median(gaps(events, 'claimed', 'pr_opened')),
      pr_opened_to_pr_merged: median(gaps(events, 'pr_opened', 'pr_merged')),
    },
    weeks: [...byWeek.keys()].sort().map((week) => ({ week, counts: byWeek.get(week)! })),
  };
}

/** Only the keys `--json` promises, in that order. */
export function reportJson(r: FunnelReport): string {
  const { since, until, funnel, by_group, median_days } = r;
  return JSON.stringify({ since, until, funnel, by_group, median_days });
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** One row for everyone, one per group, one per week: a spreadsheet draws the rest. */
export function reportCsv(r: FullReport): string[] {
  const line = (scope: string, key: string, c: StepCounts) =>
    [scope, csvCell(key), ...FUNNEL_STEPS.map((s) => String(c[s]))].join(',');
  return [
    ['scope', 'key', ...FUNNEL_STEPS].join(','),
    line('all', '', r.funnel),
    ...Object.entries(r.by_group).map(([g, c]) => line('group', g, c)),
    ...r.weeks.map((w) => line('week', w.week, w.counts)),
  ];
}

export const STEP_LABELS: Record<FunnelStep, string> = {
  first_contact: 'First contact',
  picked_group: 'Picked a group',
  claimed: 'Claimed an issue',
  pr_opened: 'Opened a pull request',
  pr_merged: 'Pull request merged',
  second_contribution: 'Second contribution',
};

/** The text an operator reads in a terminal. */
export function reportText(r: FullReport): string[] {
  const pct = (c: StepCounts, s: FunnelStep) => {
    const p = conversion(c, s);
    return p === null ? '' : `${p}%`;
  };
  const out = [`Newcomer funnel ${r.since ?? 'from the start'} to ${r.until ?? 'now'}`, ''];
  out.push(`${'step'.padEnd(24)}${'people'.padStart(8)}${'from previous'.padStart(16)}`);
  for (const s of FUNNEL_STEPS)
    out.push(`${STEP_LABELS[s].padEnd(24)}${String(r.funnel[s]).padStart(8)}${pct(r.funnel, s).padStart(16)}`);
  const head = (first: string) => `${first.padEnd(24)}${FUNNEL_STEPS.map((_, i) => `s${i + 1}`.padStart(7)).join('')}`;
  const row = (name: string, c: StepCounts) =>
    `${name.slice(0, 23).padEnd(24)}${FUNNEL_STEPS.map((s) => String(c[s]).padStart(7)).join('')}`;
  out.push('', `Steps: ${FUNNEL_STEPS.map((s, i) => `s${i + 1} ${STEP_LABELS[s].toLowerCase()}`).join(', ')}.`);
  if (Object.keys(r.by_group).length > 0) {
    out.push('', head('by group'));
    for (const [g, c] of Object.entries(r.by_group)) out.push(row(g, c));
  }
  if (r.weeks.length > 0) {
    out.push('', head('by week (Monday)'));
    for (const w of r.weeks) out.push(row(w.week, w.counts));
  }
  const days = (d: number | null) => (d === null ? 'no one yet' : `${d} days`);
  out.push('', `Median time from claim to pull request: ${days(r.median_days.claimed_to_pr_opened)}`);
  out.push(`Median time from pull request to merge: ${days(r.median_days.pr_opened_to_pr_merged)}`);
  return out;
}

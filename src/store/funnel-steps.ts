// The funnel's steps in order, and the week a moment belongs to: shared by the repositories, the report and the fake.

export const FUNNEL_STEPS = [
  'first_contact',
  'picked_group',
  'claimed',
  'pr_opened',
  'pr_merged',
  'second_contribution',
] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

export const isFunnelStep = (s: string): s is FunnelStep => (FUNNEL_STEPS as readonly string[]).includes(s);

const DAY_MS = 86_400_000;

/** The Monday (UTC) of the week holding `at`, as YYYY-MM-DD: weeks compare as strings. */
export function weekOf(at: Date): string {
  const day = Math.floor(at.getTime() / DAY_MS);
  // 1970-01-01 was a Thursday: day 0 is 3 days after a Monday.
  const monday = day - ((day + 3) % 7);
  return new Date(monday * DAY_MS).toISOString().slice(0, 10);
}

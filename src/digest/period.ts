// Digest periods: the ISO week of an instant, read on the wall clock of the digest time zone.

/** The calendar date an instant falls on in `timeZone` (year, month 1-12, day). */
export function localDate(at: Date, timeZone: string): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/**
 * `2026-W48`: the ISO-8601 week (Monday to Sunday, week 1 holds the year's first Thursday) of the
 * local date. Only the calendar date matters, so a 23- or 25-hour day around a DST change cannot move
 * an instant into another period, and two runs in the same local week always share a key.
 */
export function periodKey(at: Date, timeZone: string): string {
  const { year, month, day } = localDate(at, timeZone);
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7; // Monday = 1 … Sunday = 7
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const isoYear = date.getUTCFullYear();
  const week = Math.floor((date.getTime() - Date.UTC(isoYear, 0, 1)) / 86_400_000 / 7) + 1;
  return `${isoYear}-W${String(week).padStart(2, '0')}`;
}

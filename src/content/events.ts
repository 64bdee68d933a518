// When a recurring community event happens next, from its rule (a small RRULE subset), local time and IANA zone.
import { zonedTime } from './meetings.js';
import { EVENT_RULE, type CommunityEvent } from './schema.js';

const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const DAY_MS = 86_400_000;

/** The calendar date of `at` on the wall clock of `timeZone`. */
function localDay(at: Date, timeZone: string): { y: number; m: number; d: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { y: get('year'), m: get('month') - 1, d: get('day') };
}

/** Does the rule fall on this calendar date (year, month 0-11, day)? Dates are handled as UTC days, zone-free. */
export function onDate(rule: string, since: string | undefined, y: number, m: number, d: number): boolean {
  const r = EVENT_RULE.exec(rule);
  if (!r) return false;
  const date = new Date(Date.UTC(y, m, d));
  if (date.getUTCDay() !== DAYS.indexOf(r[5]!)) return false;
  const start = since ? Date.parse(`${since}T00:00:00Z`) : Number.NEGATIVE_INFINITY;
  if (date.getTime() < start) return false;
  if (r[1] === 'WEEKLY') {
    const interval = Number(r[3] ?? 1);
    return interval === 1 || Math.round((date.getTime() - start) / DAY_MS / 7) % interval === 0;
  }
  const nth = Number(r[4]);
  if (nth > 0) return Math.ceil(d / 7) === nth;
  // -1: the last such weekday: a week later is in the next month.
  return new Date(Date.UTC(y, m, d + 7)).getUTCMonth() !== m;
}

/** The next start after `now` within `withinDays` (default a little over a month), or null. */
export function nextOccurrence(
  event: Pick<CommunityEvent, 'rrule' | 'since' | 'time' | 'timezone'>,
  now: Date,
  withinDays = 40,
): Date | null {
  const time = /^(\d{1,2}):(\d{2})$/.exec(event.time);
  if (!time) return null;
  // Half-day steps: a whole-day step from late evening can jump over the short day of a DST change.
  for (let ahead = 0; ahead <= withinDays * 2; ahead++) {
    const { y, m, d } = localDay(new Date(now.getTime() + ahead * (DAY_MS / 2)), event.timezone);
    if (!onDate(event.rrule, event.since, y, m, d)) continue;
    const at = zonedTime(y, m, d, Number(time[1]), Number(time[2]), event.timezone);
    if (at.getTime() > now.getTime()) return at;
  }
  return null;
}

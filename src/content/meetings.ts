// When a SIG meets next, computed from its weekday, local time and IANA zone.
import type { Meeting } from './schema.js';
import { isTimeZone } from './schema.js';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Minutes the zone is ahead of UTC at `instant`. */
function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** The instant at which the wall clock in `timeZone` shows the given local date and time. */
export function zonedTime(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): Date {
  const guess = Date.UTC(year, month, day, hour, minute);
  const first = guess - zoneOffsetMinutes(guess, timeZone) * 60_000;
  // A second pass settles the offset when the first guess fell on the other side of a DST change.
  return new Date(guess - zoneOffsetMinutes(first, timeZone) * 60_000);
}

export interface NextMeeting {
  at: Date;
  /** False for biweekly and monthly schedules: the date is the next matching weekday, not a promise. */
  certain: boolean;
}

export function nextMeeting(meeting: Meeting, now: Date): NextMeeting | null {
  const weekday = WEEKDAYS.indexOf(meeting.day);
  const time = /^(\d{1,2}):(\d{2})$/.exec(meeting.time);
  if (weekday < 0 || !time || !isTimeZone(meeting.timezone)) return null;
  const [hour, minute] = [Number(time[1]), Number(time[2])];
  for (let ahead = 0; ahead <= 7; ahead++) {
    const day = new Date(now.getTime() + ahead * 86_400_000);
    const local = new Intl.DateTimeFormat('en-US', {
      timeZone: meeting.timezone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      weekday: 'long',
    }).formatToParts(day);
    const get = (type: string) => local.find((p) => p.type === type)!.value;
    if (get('weekday') !== meeting.day) continue;
    const at = zonedTime(
      Number(get('year')),
      Number(get('month')) - 1,
      Number(get('day')),
      hour,
      minute,
      meeting.timezone,
    );
    if (at.getTime() > now.getTime()) return { at, certain: meeting.frequency === 'weekly' };
  }
  return null;
}

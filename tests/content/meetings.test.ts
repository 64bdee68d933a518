// The next meeting date: weekday at local time in UTC, summer time, and biweekly or free-text schedules.
import { describe, expect, it } from 'vitest';
import { nextMeeting, zonedTime } from '../../src/content/meetings.js';

const weekly = {
  description: 'Regular',
  day: 'Thursday',
  time: '09:00',
  timezone: 'America/Los_Angeles',
  frequency: 'weekly',
};

describe('next meeting', () => {
  it('finds the next weekday at local time, in UTC', () => {
    // Friday 27 Nov 2026 → Thursday 3 Dec 2026, 09:00 PST = 17:00 UTC.
    const next = nextMeeting(weekly, new Date('2026-11-27T10:00:00Z'));
    expect(next?.at.toISOString()).toBe('2026-12-03T17:00:00.000Z');
    expect(next?.certain).toBe(true);
  });

  it('is the same day when the meeting is still ahead', () => {
    const next = nextMeeting(weekly, new Date('2026-12-03T16:59:00Z'));
    expect(next?.at.toISOString()).toBe('2026-12-03T17:00:00.000Z');
  });

  it('follows summer time', () => {
    // Thursday 2 July 2026, 09:00 PDT = 16:00 UTC.
    expect(nextMeeting(weekly, new Date('2026-06-30T00:00:00Z'))?.at.toISOString()).toBe('2026-07-02T16:00:00.000Z');
    expect(zonedTime(2026, 2, 8, 3, 30, 'America/Los_Angeles').toISOString()).toBe('2026-03-08T10:30:00.000Z');
  });

  it('marks biweekly dates as possible, not certain, and gives up on free text', () => {
    expect(nextMeeting({ ...weekly, frequency: 'biweekly' }, new Date('2026-11-27T10:00:00Z'))?.certain).toBe(false);
    expect(nextMeeting({ ...weekly, day: 'first Wednesday' }, new Date())).toBeNull();
    expect(nextMeeting({ ...weekly, timezone: 'PT (Pacific Time)' }, new Date())).toBeNull();
  });
});

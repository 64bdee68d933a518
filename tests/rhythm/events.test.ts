// Recurring community events: the rule subset gives the right dates, and the starter post lists one in its week.
import { describe, expect, it } from 'vitest';
import { nextOccurrence } from '../../src/content/events.js';
import { communitySchema } from '../../src/content/schema.js';
import { meetingsThisWeek } from '../../src/jobs/starter-post-compose.js';
import { realContent } from '../helpers/deps.js';

const at = (iso: string) => new Date(iso);
const event = (rrule: string, extra: Record<string, string> = {}) => ({
  rrule,
  time: '17:30',
  timezone: 'UTC',
  ...extra,
});

describe('community events', () => {
  it('finds the third Tuesday, the last Friday, and every other week from its first day', () => {
    expect(nextOccurrence(event('FREQ=MONTHLY;BYDAY=3TU'), at('2026-12-08T06:00:00Z'))).toEqual(
      at('2026-12-15T17:30:00Z'),
    );
    // Past this month's: next month's third Tuesday (January 2027 starts on a Friday).
    expect(nextOccurrence(event('FREQ=MONTHLY;BYDAY=3TU'), at('2026-12-15T18:00:00Z'))).toEqual(
      at('2027-01-19T17:30:00Z'),
    );
    expect(nextOccurrence(event('FREQ=MONTHLY;BYDAY=-1FR'), at('2026-12-01T00:00:00Z'))).toEqual(
      at('2026-12-25T17:30:00Z'),
    );
    const biweekly = event('FREQ=WEEKLY;INTERVAL=2;BYDAY=WE', { since: '2026-12-02' });
    expect(nextOccurrence(biweekly, at('2026-12-03T00:00:00Z'))).toEqual(at('2026-12-16T17:30:00Z'));
  });

  it('keeps the local time across a DST change', () => {
    const berlin = event('FREQ=WEEKLY;BYDAY=SU', { time: '10:00', timezone: 'Europe/Berlin' });
    expect(nextOccurrence(berlin, at('2026-03-28T22:30:00Z'))).toEqual(at('2026-03-29T08:00:00Z'));
    expect(nextOccurrence(berlin, at('2026-10-24T23:30:00Z'))).toEqual(at('2026-10-25T09:00:00Z'));
  });

  it('refuses rules outside the subset in content', async () => {
    const community = (await realContent()).community;
    const base = { id: 'x', name: { en: 'X' }, time: '10:00', timezone: 'UTC' };
    for (const rrule of [
      'FREQ=DAILY',
      'FREQ=MONTHLY;BYDAY=TU',
      'FREQ=WEEKLY;BYDAY=2TU',
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
    ])
      expect(communitySchema.safeParse({ ...community, events: [{ ...base, rrule }] }).success, rrule).toBe(false);
  });

  it('puts the orientation in the starter post of its week, in the reader language', async () => {
    const content = await realContent();
    const list = meetingsThisWeek(content, [], at('2026-12-14T09:00:00Z'));
    expect(list.map((m) => m.name)).toContainEqual(expect.objectContaining({ en: 'New Contributor Orientation' }));
    expect(meetingsThisWeek(content, [], at('2026-12-16T09:00:00Z')).filter((m) => !m.sigId)).toEqual([]);
  });
});

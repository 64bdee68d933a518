// Digest period keys: ISO-8601 weeks across the new year, on the digest time zone's wall clock, through DST weeks.
import { describe, expect, it } from 'vitest';
import { periodKey } from '../../src/digest/period.js';

describe('digest period keys', () => {
  it('follow ISO-8601 weeks across the turn of the year', () => {
    expect(periodKey(new Date('2026-01-01T12:00:00Z'), 'UTC')).toBe('2026-W01'); // a Thursday
    expect(periodKey(new Date('2026-12-28T12:00:00Z'), 'UTC')).toBe('2026-W53'); // 2026 has 53 weeks
    expect(periodKey(new Date('2027-01-03T12:00:00Z'), 'UTC')).toBe('2026-W53'); // Sunday still in it
    expect(periodKey(new Date('2027-01-04T00:00:00Z'), 'UTC')).toBe('2027-W01');
    expect(periodKey(new Date('2027-12-31T12:00:00Z'), 'UTC')).toBe('2027-W52');
    expect(periodKey(new Date('2024-12-30T12:00:00Z'), 'UTC')).toBe('2025-W01'); // Monday of week 1 of 2025
  });

  it('are read on the wall clock of the digest time zone', () => {
    const mondayInParis = new Date('2026-03-29T22:30:00Z'); // 00:30 on Monday in Paris, still Sunday in UTC
    expect(periodKey(mondayInParis, 'Europe/Paris')).toBe('2026-W14');
    expect(periodKey(mondayInParis, 'UTC')).toBe('2026-W13');
    expect(periodKey(new Date('2026-11-30T07:59:00Z'), 'America/Los_Angeles')).toBe('2026-W48'); // Sunday 23:59 there
  });

  it('give each Monday run of a DST week its own key, and both passes of a repeated hour the same one', () => {
    // Europe/Paris springs forward on 2026-03-29 and falls back on 2026-10-25.
    const mondays9 = ['2026-03-23T08:00:00Z', '2026-03-30T07:00:00Z', '2026-10-19T07:00:00Z', '2026-10-26T08:00:00Z'];
    expect(mondays9.map((at) => periodKey(new Date(at), 'Europe/Paris'))).toEqual([
      '2026-W13',
      '2026-W14',
      '2026-W43',
      '2026-W44',
    ]);
    // 02:30 happens twice on 2026-10-25 (00:30Z in summer time, 01:30Z in winter time): one period.
    expect(periodKey(new Date('2026-10-25T00:30:00Z'), 'Europe/Paris')).toBe(
      periodKey(new Date('2026-10-25T01:30:00Z'), 'Europe/Paris'),
    );
  });
});

// Digest pacing: starts spaced at the platform rate, one second per destination, and everyone held after a 429.
import { describe, expect, it } from 'vitest';
import { createPacer } from '../../src/digest/pacing.js';
import { createVirtualClock } from '../fakes/virtual-clock.js';

const start = new Date('2026-11-30T09:00:00Z');

describe('digest pacing', () => {
  it('spaces starts evenly at the platform rate, whatever the number of concurrent senders', async () => {
    const clock = createVirtualClock(start);
    const pacer = createPacer(clock, { perSecond: 5, perDestinationMs: 1000, concurrency: 4 });
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        await pacer.acquire(`d${i}`);
        starts.push(clock.now().getTime() - start.getTime());
      }),
    );
    expect(starts.sort((a, b) => a - b)).toEqual([0, 200, 400, 600, 800, 1000, 1200, 1400, 1600, 1800]);
  });

  it('keeps one second between two messages to the same destination', async () => {
    const clock = createVirtualClock(start);
    const pacer = createPacer(clock, { perSecond: 50, perDestinationMs: 1000, concurrency: 4 });
    await pacer.acquire('same');
    await pacer.acquire('same');
    expect(clock.now().getTime() - start.getTime()).toBe(1000);
  });

  it('holds every sender after a 429 until Retry-After has passed, including those already waiting', async () => {
    const clock = createVirtualClock(start);
    const pacer = createPacer(clock, { perSecond: 10, perDestinationMs: 0, concurrency: 4 });
    await pacer.acquire('a');
    const waiting = pacer.acquire('b').then(() => clock.now().getTime() - start.getTime());
    pacer.pause(3000);
    const after = pacer.acquire('c').then(() => clock.now().getTime() - start.getTime());
    expect(await waiting).toBeGreaterThanOrEqual(3000);
    expect(await after).toBeGreaterThanOrEqual(3000);
  });
});

// Load shedding: a bounded number of answers at once, and work that waited past its platform's deadline dropped and counted.
import { describe, expect, it } from 'vitest';
import { createAdmission } from '../../src/core/index.js';
import { createMemoryMetrics } from '../../src/metrics/port.js';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

describe('admission', () => {
  it('runs at most `concurrency` answers at once; the others wait their turn and then run', async () => {
    const admission = createAdmission({ concurrency: 2 });
    const gates = [gate(), gate(), gate()];
    let running = 0;
    let most = 0;
    const done = gates.map((g) =>
      admission.run(Infinity, async () => {
        running += 1;
        most = Math.max(most, running);
        await g.opened;
        running -= 1;
      }),
    );
    await new Promise((r) => setImmediate(r));
    expect(admission.active).toBe(2);
    expect(admission.queued).toBe(1);
    for (const g of gates) g.open();
    expect(await Promise.all(done)).toEqual([true, true, true]);
    expect(most).toBe(2);
  });

  it('drops work whose deadline passed while it waited, counts it, and warns once a minute with counts only', async () => {
    let clock = 1_000_000;
    const metrics = createMemoryMetrics();
    const warnings: Record<string, unknown>[] = [];
    const admission = createAdmission({
      concurrency: 1,
      now: () => clock,
      dropped: (reason) => metrics.dropped('slack', reason),
      warn: (fields) => warnings.push(fields),
    });
    const first = gate();
    let ran = 0;
    const busy = admission.run(clock + 3000, async () => {
      ran += 1;
      await first.opened;
    });
    const late = [1, 2, 3].map(() => admission.run(clock + 3000, async () => void (ran += 1)));
    await new Promise((r) => setImmediate(r));
    expect(ran).toBe(1);
    clock += 3001; // the first answer took longer than the others' window
    first.open();
    expect(await busy).toBe(true);
    expect(await Promise.all(late)).toEqual([false, false, false]);
    expect(ran).toBe(1);
    expect(metrics.counts.get('dropped{slack,past_deadline}')).toBe(3);
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(warnings[0])).not.toMatch(/text|user/);
    // Already late on arrival: dropped without a slot.
    expect(await admission.run(clock - 1, async () => void (ran += 1))).toBe(false);
    expect(ran).toBe(1);
  });

  it('drops new work as overloaded once the queue is full, and keeps the work already queued', async () => {
    const metrics = createMemoryMetrics();
    const admission = createAdmission({
      concurrency: 1,
      maxQueued: 2,
      dropped: (reason) => metrics.dropped('discord', reason),
    });
    const first = gate();
    const runs = [
      admission.run(Infinity, () => first.opened),
      admission.run(Infinity, async () => {}),
      admission.run(Infinity, async () => {}),
    ];
    await new Promise((r) => setImmediate(r));
    expect(await admission.run(Infinity, async () => {})).toBe(false);
    expect(metrics.counts.get('dropped{discord,overloaded}')).toBe(1);
    first.open();
    expect(await Promise.all(runs)).toEqual([true, true, true]);
  });

  it('passes the work’s own failure on (the adapter logs it), rather than counting it as dropped', async () => {
    const metrics = createMemoryMetrics();
    const admission = createAdmission({ dropped: (reason) => metrics.dropped('slack', reason) });
    await expect(admission.run(Infinity, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(metrics.counts.size).toBe(0);
  });
});

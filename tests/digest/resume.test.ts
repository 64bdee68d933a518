// A weekly digest interrupted by a crash and run again: every destination once, never twice, and the plan unchanged.
import { describe, expect, it } from 'vitest';
import type { DigestRepo } from '../../src/store/digests.js';
import { issue } from '../fakes/digest-issues.js';
import { harness, person, slackChannel, slackUser, type Harness } from './helpers.js';

const monday = new Date('2026-11-30T09:00:00Z');
const week = 7 * 86_400_000;
const ALL = [
  ...['sig-docs', 'sig-network', 'sig-node'].map(slackChannel),
  slackUser('U1'),
  slackUser('U2'),
  slackUser('U3'),
];

async function sixDestinations(): Promise<Harness> {
  const h = await harness({ start: monday });
  for (const id of ['U1', 'U2', 'U3']) {
    await h.store.subscriptions.add(person(id), 'sig-network', monday);
    await h.store.digests.setDm(person(id), true, monday);
  }
  h.issues.issues = [
    issue(1, ['sig-network'], new Date(monday.getTime() - 3_600_000)),
    issue(2, ['sig-docs'], monday),
    issue(3, ['sig-node'], monday),
  ];
  return h;
}

/** Makes one ledger method fail the nth time it is called with a matching argument, like a process dying there. */
function dieAt<K extends keyof DigestRepo>(
  repo: DigestRepo,
  method: K,
  nth: number,
  when: (...args: Parameters<DigestRepo[K]>) => boolean = () => true,
) {
  const real = repo[method] as (...args: unknown[]) => Promise<unknown>;
  let n = 0;
  (repo as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
    if (when(...(args as Parameters<DigestRepo[K]>)) && ++n === nth) throw new Error('process killed');
    return real.apply(repo, args);
  };
  return () => ((repo as unknown as Record<string, unknown>)[method] = real);
}

describe('weekly digest, interrupted and run again', () => {
  it('finishes after a crash between two sends: every destination exactly once', async () => {
    const h = await sixDestinations();
    const heal = dieAt(h.store.digests, 'claim', 4);
    await expect(h.run()).rejects.toThrow('process killed');
    const before = h.rec.posts.length;
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(6);
    heal();
    h.clock.set(new Date(monday.getTime() + 60_000));
    const report = await h.run();
    expect(report).toMatchObject({ status: 'done', ran: { interrupted: 0 } });
    expect(ALL.map((k) => h.rec.count(k))).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('never sends twice after a crash between a post and its record, and gives that destination the issues again next week', async () => {
    const h = await sixDestinations();
    const heal = dieAt(h.store.digests, 'settle', 3, (_p, _d, _from, to) => to.status === 'sent');
    await expect(h.run()).rejects.toThrow('process killed');
    heal();
    const rows = await h.store.digests.deliveries('2026-W49');
    const inDoubt = rows.find((r) => r.status === 'sending')!;
    expect(h.rec.count(inDoubt.destination)).toBe(1); // it did go out

    h.clock.set(new Date(monday.getTime() + 60_000));
    const report = await h.run();
    expect(report.ran.interrupted).toBe(1);
    expect(report.ledger).toMatchObject({ uncertain: 1, sent: 5 });
    expect(ALL.map((k) => h.rec.count(k))).toEqual([1, 1, 1, 1, 1, 1]);
    expect(h.deps.logLines.some((l) => String(l.msg).includes('marked uncertain'))).toBe(true);

    // Next week nothing new happened: only the destination in doubt hears about its issues (again).
    h.clock.set(new Date(monday.getTime() + week));
    await h.run();
    expect(h.rec.count(inDoubt.destination)).toBe(2);
    expect(ALL.filter((k) => k !== inDoubt.destination).map((k) => h.rec.count(k))).toEqual([1, 1, 1, 1, 1]);
  });

  it('plans the week once: a resumed run neither drops nor adds destinations', async () => {
    const h = await sixDestinations();
    const heal = dieAt(h.store.digests, 'claim', 1);
    await expect(h.run()).rejects.toThrow('process killed');
    heal();
    // Someone opts in after the week was planned: their first digest comes next week.
    await h.store.subscriptions.add(person('U9'), 'sig-node', monday);
    await h.store.digests.setDm(person('U9'), true, monday);
    await h.run();
    expect(ALL.map((k) => h.rec.count(k))).toEqual([1, 1, 1, 1, 1, 1]);
    expect(h.rec.count(slackUser('U9'))).toBe(0);
    h.clock.set(new Date(monday.getTime() + week));
    await h.run();
    expect(h.rec.count(slackUser('U9'))).toBe(1);
  });
});

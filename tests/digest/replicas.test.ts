// Two bot replicas on one database: one sends the digest, the lock outlives Retry-After, a dead one's run resumes.
import { LEASE_MS } from '../../src/store/job-locks.js';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/store/database.js';
import { createStore } from '../../src/store/store.js';
import { issue } from '../fakes/digest-issues.js';
import { engines, openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { harness, person, slackChannel, slackUser, type Harness } from './helpers.js';

const monday = new Date('2026-11-30T09:00:00Z');
const ALL = [...['sig-docs', 'sig-network', 'sig-node'].map(slackChannel), slackUser('U1'), slackUser('U2')];

describe.each(engines())('weekly digest replicas on %s', (engine) => {
  const opened: Database[] = [];
  let db: TestDatabase | undefined;
  afterEach(async () => {
    for (const d of opened.splice(0)) await d.close();
    await db?.dispose();
    db = undefined;
  });

  /** One bot process: its own connection pool on the shared database. */
  async function replica(): Promise<Harness> {
    db ??= await openTestDatabase(engine);
    const own = await openDatabase(db.url);
    opened.push(own);
    const h = await harness({ start: monday, store: createStore(own) });
    h.issues.issues = [
      issue(1, ['sig-network'], monday),
      issue(2, ['sig-docs'], monday),
      issue(3, ['sig-node'], monday),
    ];
    return h;
  }

  it('lets one of two runners started together send, and the other stand aside', async () => {
    const a = await replica();
    const b = await replica();
    for (const id of ['U1', 'U2']) {
      await a.store.subscriptions.add(person(id), 'sig-node', monday);
      await a.store.digests.setDm(person(id), true, monday);
    }
    // A's first post waits until B has tried, so the two runs truly overlap.
    let bTried!: () => void;
    const gate = new Promise<void>((r) => (bTried = r));
    const aPost = a.job.post;
    a.job.post = async (to, reply) => {
      await gate;
      return aPost(to, reply);
    };
    const runA = a.run();
    await new Promise((r) => setTimeout(r, 50));
    const reportB = await b.run();
    bTried();
    const reportA = await runA;
    expect(reportB.status).toBe('busy');
    expect(reportA.status).toBe('done');
    expect(b.rec.posts).toHaveLength(0);
    expect(ALL.map((k) => a.rec.count(k))).toEqual([1, 1, 1, 1, 1]);
    // And once A is done, B finds the week complete.
    expect(await b.run()).toMatchObject({ status: 'done', ran: { sent: 0 } });
    expect(b.rec.posts).toHaveLength(0);
  });

  it('keeps the lock through Retry-After waits longer than the SQLite lease', async () => {
    const a = await replica();
    const b = await replica();
    let seenByB: string | undefined;
    let calls = 0;
    const aPost = a.job.post;
    a.job.post = async (to, reply) => {
      calls += 1;
      // Each wait alone outlasts the SQLite lease, however the three waits overlap between senders.
      if (calls <= 3) return { ok: false, error: 'ratelimited', retryAfterMs: LEASE_MS + 60_000 };
      if (!seenByB) {
        // Past the lease into A's run: B, a replica whose cron fires now, must still stand aside.
        b.clock.set(a.clock.now());
        seenByB = (await b.run()).status;
      }
      return aPost(to, reply);
    };
    const report = await a.run();
    expect(a.clock.now().getTime() - monday.getTime()).toBeGreaterThan(LEASE_MS);
    expect(seenByB).toBe('busy');
    expect(report).toMatchObject({ status: 'done', ran: { sent: 3 } });
    expect(b.rec.posts).toHaveLength(0);
  });

  it('resumes on another replica after one died mid-send: every destination exactly once', async () => {
    const a = await replica();
    const b = await replica();
    for (const id of ['U1', 'U2']) {
      await a.store.subscriptions.add(person(id), 'sig-network', monday);
      await a.store.digests.setDm(person(id), true, monday);
    }
    // A dies right after its third post went out, before recording it.
    let recorded = 0;
    const settle = a.store.digests.settle.bind(a.store.digests);
    a.store.digests.settle = async (period, destination, from, to, at) => {
      if (to.status === 'sent' && ++recorded === 3) throw new Error('process killed');
      return settle(period, destination, from, to, at);
    };
    await expect(a.run()).rejects.toThrow('process killed');
    b.clock.set(new Date(monday.getTime() + 10 * 60_000));
    const report = await b.run();
    expect(report).toMatchObject({ status: 'done', ran: { interrupted: 1 } });
    expect(report.ledger).toEqual({ sent: 4, uncertain: 1 });
    expect(ALL.map((k) => a.rec.count(k) + b.rec.count(k))).toEqual([1, 1, 1, 1, 1]);
  });
});

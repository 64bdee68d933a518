// The digest ledger on SQLite and PostgreSQL: opt-ins, runs, deliveries claimed once, retries, cutoffs and job locks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { LEASE_MS } from '../../src/store/job-locks.js';
import { createStore, type Store } from '../../src/store/store.js';
import { createMemoryStore } from '../fakes/memory-store.js';
import { engines, openTestDatabase, type TestDatabase } from '../helpers/database.js';

const ada = { platform: 'slack', workspaceId: 'T1', userId: 'U1' };
const bob = { platform: 'discord', workspaceId: 'G1', userId: '42' };
const now = new Date('2026-11-30T09:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);
const channel = {
  destination: 'slack/*/#sig-network',
  platform: 'slack',
  workspaceId: '*',
  kind: 'channel' as const,
  targetId: 'sig-network',
};
const dm = { destination: 'slack/T1/@U1', platform: 'slack', workspaceId: 'T1', kind: 'user' as const, targetId: 'U1' };

// The same contract on each engine and on the in-memory store the capability tests use.
describe.each([...engines(), 'memory' as const])('digest ledger on %s', (engine) => {
  let db: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    if (engine === 'memory') return void (store = createMemoryStore());
    db = await openTestDatabase(engine);
    store = createStore(db);
  });
  afterAll(async () => db?.dispose());

  it('keeps DM opt-ins and lists recipients with their language and SIGs', async () => {
    expect(await store.digests.setDm(ada, true, now)).toBe(true);
    expect(await store.digests.setDm(ada, true, now)).toBe(false);
    expect(await store.digests.setDm(bob, true, now)).toBe(true);
    await store.users.setLocale(ada, 'fr', now);
    await store.subscriptions.add(ada, 'sig-network', now);
    await store.subscriptions.add(ada, 'sig-docs', later(1000));
    expect(await store.digests.dmOn(ada)).toBe(true);
    expect(await store.digests.dmRecipients()).toEqual([
      { ...bob, locale: null, sigIds: [] },
      { ...ada, locale: 'fr', sigIds: ['sig-network', 'sig-docs'] },
    ]);
    expect(await store.digests.setDm(bob, false, now)).toBe(true);
    expect(await store.digests.setDm(bob, false, now)).toBe(false);
    expect((await store.digests.dmRecipients()).map((r) => r.userId)).toEqual(['U1']);
  });

  it('opens one run per period and plans each destination once', async () => {
    const run = await store.digests.openRun('2026-W49', now);
    expect(run).toMatchObject({ status: 'running', planned: false });
    await store.digests.plan('2026-W49', [channel, dm], now);
    await store.digests.plan('2026-W49', [channel], now);
    await store.digests.markPlanned('2026-W49', now);
    expect((await store.digests.openRun('2026-W49', later(5))).planned).toBe(true);
    expect((await store.digests.deliveries('2026-W49')).map((r) => [r.destination, r.status])).toEqual([
      ['slack/*/#sig-network', 'pending'],
      ['slack/T1/@U1', 'pending'],
    ]);
  });

  it('lets a delivery be claimed once, and records what was sent', async () => {
    expect(await store.digests.claim('2026-W49', channel.destination, now)).toBe(true);
    expect(await store.digests.claim('2026-W49', channel.destination, now)).toBe(false);
    const sent = { status: 'sent' as const, cutoff: now, issueKeys: ['k/k#1', 'k/k#2'], messageId: 'm1', error: null };
    expect(await store.digests.settle('2026-W49', channel.destination, ['sending'], sent, now)).toBe(true);
    expect(await store.digests.settle('2026-W49', channel.destination, ['sending'], sent, now)).toBe(false);
    const [row] = await store.digests.deliveries('2026-W49');
    expect(row).toMatchObject({ status: 'sent', issueKeys: ['k/k#1', 'k/k#2'], messageId: 'm1', attempts: 0 });
    expect(row!.cutoff?.toISOString()).toBe(now.toISOString());
  });

  it('counts failed attempts, retries them, and marks a send left mid-way as uncertain', async () => {
    expect(await store.digests.claim('2026-W49', dm.destination, now)).toBe(true);
    await store.digests.settle(
      '2026-W49',
      dm.destination,
      ['sending'],
      { status: 'failed', error: 'x'.repeat(900), failed: true },
      now,
    );
    const failed = (await store.digests.deliveries('2026-W49'))[1]!;
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.error!.length).toBe(500);
    expect(await store.digests.claim('2026-W49', dm.destination, now)).toBe(true);
    expect(await store.digests.markInterrupted('2026-W49', now)).toBe(1);
    expect((await store.digests.deliveries('2026-W49'))[1]!.status).toBe('uncertain');
    expect(await store.digests.claim('2026-W49', dm.destination, now)).toBe(false);
  });

  it('gives each destination the cutoff of its latest digest, sent or empty, never an uncertain one', async () => {
    await store.digests.openRun('2026-W50', later(7 * 86_400_000));
    await store.digests.plan('2026-W50', [channel, dm], now);
    await store.digests.settle(
      '2026-W50',
      channel.destination,
      ['pending'],
      { status: 'empty', cutoff: later(7 * 86_400_000) },
      now,
    );
    const cutoffs = await store.digests.lastCutoffs();
    expect(cutoffs.get(channel.destination)?.toISOString()).toBe(later(7 * 86_400_000).toISOString());
    expect(cutoffs.has(dm.destination)).toBe(false);
  });

  it('finishes a run', async () => {
    await store.digests.finishRun('2026-W49', 'done', now);
    expect((await store.digests.openRun('2026-W49', now)).status).toBe('done');
  });

  it.skipIf(engine === 'memory')('lets only one runner hold the lock, across separate connections', async () => {
    const otherDb = await openDatabase(db.url);
    const other = createStore(otherDb);
    try {
      let inner: unknown = 'not run';
      const outer = await store.jobLocks.withLock(
        'weekly-digest',
        () => now,
        async () => {
          inner = await other.jobLocks.withLock(
            'weekly-digest',
            () => now,
            async () => 'second',
          );
          return 'first';
        },
      );
      expect(outer).toEqual({ locked: true, value: 'first' });
      expect(inner).toMatchObject({ locked: false, holder: { pid: process.pid } });
      expect(
        await other.jobLocks.withLock(
          'weekly-digest',
          () => now,
          async () => 'after',
        ),
      ).toEqual({ locked: true, value: 'after' });
    } finally {
      await otherDb.close();
    }
  });

  it("keeps each job's lock apart, and refuses a second holder of the same one in the same process", async () => {
    const outer = await store.jobLocks.withLock(
      'weekly-digest',
      () => now,
      async () => ({
        other: await store.jobLocks.withLock(
          'issues-refresh',
          () => now,
          async () => 'refreshed',
        ),
        same: await store.jobLocks.withLock(
          'weekly-digest',
          () => now,
          async () => 'twice',
        ),
      }),
    );
    expect(outer).toMatchObject({
      locked: true,
      value: { other: { locked: true, value: 'refreshed' }, same: { locked: false, holder: { pid: process.pid } } },
    });
  });

  it('releases the lock when the work throws', async () => {
    await expect(
      store.jobLocks.withLock(
        'weekly-digest',
        () => now,
        async () => Promise.reject(new Error('boom')),
      ),
    ).rejects.toThrow('boom');
    expect(
      await store.jobLocks.withLock(
        'weekly-digest',
        () => now,
        async () => 1,
      ),
    ).toEqual({ locked: true, value: 1 });
  });
});

describe('digest lease on sqlite', () => {
  it('is taken over once a dead holder lets it expire, and not before', async () => {
    const db = await openTestDatabase('sqlite');
    const other = await openDatabase(db.url);
    try {
      const a = createStore(db);
      const b = createStore(other);
      // A runner that died keeps its lease row: simulate by taking it and never returning.
      let release!: () => void;
      const holding = a.jobLocks.withLock(
        'weekly-digest',
        () => now,
        () => new Promise<void>((r) => (release = r)),
      );
      await new Promise((r) => setTimeout(r, 20));
      expect(
        await b.jobLocks.withLock(
          'weekly-digest',
          () => later(LEASE_MS - 1000),
          async () => 'early',
        ),
      ).toMatchObject({ locked: false, holder: { pid: process.pid } });
      expect(
        await b.jobLocks.withLock(
          'weekly-digest',
          () => later(LEASE_MS + 1000),
          async () => 'late',
        ),
      ).toEqual({ locked: true, value: 'late' });
      release();
      await holding;
    } finally {
      await other.close();
      await db.dispose();
    }
  });
});

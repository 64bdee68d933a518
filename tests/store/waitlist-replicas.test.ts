// Several replicas telling waitlists at the same moment, on each engine: one person told per issue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Destination, PostResult, Reply } from '../../src/core/types.js';
import { notifyWaitlists } from '../../src/jobs/claim-follow-ups.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { createStore, type Store } from '../../src/store/store.js';
import { engines, openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { testDeps } from '../helpers/deps.js';

const ISSUES = 12;
const REPLICAS = 4;
const now = new Date('2026-11-27T10:00:00Z');
const person = (n: number) => ({ platform: 'slack', workspaceId: 'T1', userId: `U${n}` });

describe.each(engines())('waitlists told by %s replicas at once', (engine) => {
  let db: TestDatabase;
  const others: Database[] = [];
  let stores: Store[] = [];
  beforeAll(async () => {
    db = await openTestDatabase(engine);
    for (let i = 1; i < REPLICAS; i++) others.push(await openDatabase(db.url));
    stores = [createStore(db), ...others.map(createStore)];
  });
  afterAll(async () => {
    for (const o of others) await o.close();
    await db.dispose();
  });

  it('tells exactly one person per released issue, whatever the interleaving', async () => {
    const seed = stores[0]!;
    for (let n = 1; n <= ISSUES; n++) {
      const issue = {
        owner: 'kubernetes',
        repo: 'website',
        number: n,
        title: `Issue ${n}`,
        url: `https://github.com/kubernetes/website/issues/${n}`,
        sigId: null,
      };
      const opened = await seed.claims.open(person(100), issue, new Date(now.getTime() - 3_600_000));
      for (const w of [1, 2, 3])
        await seed.waitlist.join(person(w), issue, new Date(now.getTime() - 3_000_000 + w * 1000));
      if (opened.kind === 'created')
        await seed.claims.end(opened.claim.id, 'released', 'gave_up', new Date(now.getTime() - 60_000));
    }
    const told: { issue: string; to: string }[] = [];
    const post = async (to: Destination, reply: Reply): Promise<PostResult> => {
      const text = JSON.stringify(reply.blocks);
      told.push({
        issue: /kubernetes\/website#(\d+)/.exec(text)?.[1] ?? '?',
        to: to.kind === 'user' ? to.userId : '?',
      });
      return { ok: true };
    };
    const runs = await Promise.all(
      stores.map(async (store) => notifyWaitlists({ ...(await testDeps({ store, now: () => now })), post })),
    );
    expect(runs.reduce((n, r) => n + r.notified, 0)).toBe(ISSUES);
    const perIssue = new Map<string, string[]>();
    for (const t of told) perIssue.set(t.issue, [...(perIssue.get(t.issue) ?? []), t.to]);
    expect([...perIssue.values()].every((to) => to.length === 1 && to[0] === 'U1')).toBe(true);
    expect(perIssue.size).toBe(ISSUES);
  });
});

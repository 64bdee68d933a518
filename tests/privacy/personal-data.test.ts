// Personal data contract: what is kept about a person, and that erasing leaves no trace of their id (SQLite, PostgreSQL, fake).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../src/store/store.js';
import { createMemoryStore } from '../fakes/memory-store.js';
import { engines, openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { whereFound } from './scan.js';

const zoe = { platform: 'slack', workspaceId: 'T1', userId: 'U7ERASEME' };
const bob = { platform: 'slack', workspaceId: 'T1', userId: 'U2' };
const now = new Date('2026-11-27T10:00:00Z');
const later = new Date('2026-11-28T10:00:00Z');
const issue = (number: number) => ({
  owner: 'kubernetes',
  repo: 'website',
  number,
  title: `Issue ${number}`,
  url: `https://github.com/kubernetes/website/issues/${number}`,
  sigId: 'sig-docs',
});

describe.each([...engines(), 'memory' as const])('personal data on %s', (engine) => {
  let db: TestDatabase | undefined;
  let store: Store;
  beforeAll(async () => {
    if (engine === 'memory') store = createMemoryStore();
    else {
      db = await openTestDatabase(engine);
      store = createStore(db);
    }
    await store.users.setLocale(zoe, 'fr', now);
    await store.users.noteSeenLocale(zoe, 'fr', now);
    await store.subscriptions.add(zoe, 'sig-docs', now);
    await store.digests.setDm(zoe, true, now);
    await store.githubLogins.set(zoe, 'zoe-gh', now);
    await store.claims.open(zoe, issue(11), now);
    const done = await store.claims.open(zoe, issue(12), now);
    if (done.kind === 'created') await store.claims.end(done.claim.id, 'done', 'closed', now);
    await store.claims.open(bob, issue(13), now);
    await store.waitlist.join(zoe, issue(13), now);
    await store.waitlist.join(bob, issue(11), now);
    await store.listings.remember(zoe, [issue(11)], now);
    await store.leadNotes.set(zoe, 'sig-docs', true, 'fr', now);
    await store.funnel.record(zoe, 'first_contact', { language: 'fr' }, now);
    await store.funnel.record(
      zoe,
      'claimed',
      { group: 'sig-docs', language: 'fr' },
      new Date(now.getTime() + 3_600_000),
    );
    await store.digests.plan(
      '2026-W48',
      [
        {
          destination: 'slack:T1:user:U7ERASEME',
          platform: 'slack',
          workspaceId: 'T1',
          kind: 'user',
          targetId: 'U7ERASEME',
        },
      ],
      now,
    );
  });
  afterAll(async () => db?.dispose());

  it('describes everything kept about the person', async () => {
    const r = await store.personalData.describe(zoe);
    expect(r).toMatchObject({
      locale: 'fr',
      seenLocale: 'fr',
      groups: ['sig-docs'],
      digestByDm: true,
      githubLogin: 'zoe-gh',
      lastListingAt: now,
      leadNotes: ['sig-docs'],
    });
    expect(r.claims.map((c) => c.number)).toEqual([11]);
    expect(r.funnel.map((f) => f.step)).toEqual(['first_contact', 'claimed']);
    if (engine !== 'memory') expect(r.waiting.map((w) => w.number)).toEqual([13]); // the fake's waitlist is not listable per person
  });

  it('erases it all, releases the open claim and keeps the steps only as anonymous counts', async () => {
    const e = await store.personalData.erase(zoe, later);
    expect(e).toEqual({
      language: true,
      groups: 1,
      digestByDm: true,
      githubLogin: true,
      released: [{ owner: 'kubernetes', repo: 'website', number: 11 }],
      waiting: 1,
      funnelSteps: 2,
    });
    expect(await store.personalData.describe(zoe)).toEqual({
      locale: null,
      seenLocale: null,
      groups: [],
      digestByDm: false,
      githubLogin: null,
      claims: [],
      waiting: [],
      lastListingAt: null,
      leadNotes: [],
      funnel: [],
    });
    expect(await store.claims.openOn(issue(11))).toBeNull();
    expect((await store.waitlist.next(issue(11)))?.user).toEqual(bob);
    expect(await store.funnel.totals()).toMatchObject({ first_contact: 1, claimed: 1 });
    // Someone else's data is untouched.
    expect((await store.claims.openFor(bob)).map((c) => c.number)).toEqual([13]);
  });

  it.skipIf(engine === 'memory')('leaves the id nowhere in the database', async () => {
    expect(await whereFound(db!, 'U7ERASEME')).toEqual([]);
    expect(await whereFound(db!, 'zoe-gh')).toEqual([]);
    // The check can fail: another person's id is still there.
    expect((await whereFound(db!, 'U2')).length).toBeGreaterThan(0);
  });

  it.skipIf(engine === 'memory')('finds every workspace a user id has rows in', async () => {
    await store.users.setLocale({ ...bob, workspaceId: 'T9' }, 'en', now);
    expect(await store.personalData.workspacesOf('slack', 'U2')).toEqual(['T1', 'T9']);
    expect(await store.personalData.workspacesOf('slack', 'U7ERASEME')).toEqual([]);
  });
});

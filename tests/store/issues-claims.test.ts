// The issue index and claims on each engine: queries, incomplete answers, ETags, one claim per issue, waitlists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FoundIssue } from '../../src/store/issues.js';
import { createStore, type Store } from '../../src/store/store.js';
import { createMemoryStore } from '../fakes/memory-store.js';
import { engines, openTestDatabase, type TestDatabase } from '../helpers/database.js';

const ada = { platform: 'slack', workspaceId: 'T1', userId: 'U1' };
const bob = { platform: 'slack', workspaceId: 'T1', userId: 'U2' };
const cleo = { platform: 'discord', workspaceId: 'G1', userId: '7' };
const t0 = new Date('2026-11-01T10:00:00Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

const issue = (repo: string, number: number, extra: Partial<FoundIssue> = {}): FoundIssue => {
  const [owner, name] = repo.split('/') as [string, string];
  return {
    owner,
    repo: name,
    number,
    title: `Issue ${number}`,
    url: `https://github.com/${repo}/issues/${number}`,
    labels: ['good first issue'],
    sigIds: ['sig-docs'],
    createdAt: `2026-10-${String(10 + (number % 20)).padStart(2, '0')}T00:00:00Z`,
    updatedAt: '2026-10-30T00:00:00Z',
    ...extra,
  };
};
const claimOf = (repo: string, number: number) => ({ ...issue(repo, number), sigId: 'sig-docs' });

type Kind = 'sqlite' | 'postgres' | 'memory';
const kinds: Kind[] = [...engines(), 'memory'];

describe.each(kinds)('issue index and claims on %s', (kind) => {
  let db: TestDatabase | undefined;
  let store: Store;
  beforeAll(async () => {
    if (kind === 'memory') store = createMemoryStore();
    else {
      db = await openTestDatabase(kind);
      store = createStore(db);
    }
  });
  afterAll(async () => db?.dispose());

  it('keeps an issue while any query returns it, and drops it when none does', async () => {
    const first = await store.issues.saveQuery(
      'gfi',
      'q1',
      [issue('kubernetes/website', 1), issue('kubernetes/website', 2)],
      { complete: true, total: 2 },
      t0,
    );
    expect(first).toEqual({ added: 2, removed: 0 });
    await store.issues.saveQuery(
      'hw',
      'q2',
      [issue('kubernetes/website', 2), issue('Kubernetes/Kubectl', 3)],
      { complete: true, total: 2 },
      t0,
    );
    expect((await store.issues.all()).map((i) => i.number).sort()).toEqual([1, 2, 3]);
    // Issue 2 was assigned: gone from the first query, still in the second; issue 1 is gone from both.
    const next = await store.issues.saveQuery('gfi', 'q1', [], { complete: true, total: 0 }, later(30));
    expect(next).toEqual({ added: 0, removed: 1 });
    expect((await store.issues.all()).map((i) => i.number).sort()).toEqual([2, 3]);
    expect(await store.issues.get({ owner: 'kubernetes', repo: 'kubectl', number: 3 })).toMatchObject({
      owner: 'Kubernetes',
      title: 'Issue 3',
    });
  });

  it('remembers when an issue was first seen free, across refreshes', async () => {
    await store.issues.saveQuery(
      'hw',
      'q2',
      [issue('kubernetes/website', 2, { title: 'Renamed' }), issue('kubernetes/kubectl', 3)],
      { complete: true, total: 2 },
      later(60),
    );
    const two = await store.issues.get({ owner: 'kubernetes', repo: 'website', number: 2 });
    expect(two).toMatchObject({ title: 'Renamed', firstSeenAt: t0.toISOString() });
  });

  it('adds but never removes on an incomplete answer, and keeps the last complete time', async () => {
    await store.issues.saveQuery(
      'hw',
      'q2',
      [issue('kubernetes/website', 4)],
      { complete: false, total: 3 },
      later(90),
    );
    expect((await store.issues.all()).map((i) => i.number).sort()).toEqual([2, 3, 4]);
    const hw = (await store.issues.queries()).find((q) => q.key === 'hw')!;
    expect(hw).toMatchObject({ complete: false, ok: true, total: 3 });
    expect(hw.refreshedAt).toEqual(later(60));
  });

  it('records a failed query without losing what it found', async () => {
    await store.issues.queryFailed('hw', 'q2', 'GitHub answered 502', later(120));
    const hw = (await store.issues.queries()).find((q) => q.key === 'hw')!;
    expect(hw).toMatchObject({ ok: false, error: 'GitHub answered 502' });
    expect(hw.refreshedAt).toEqual(later(60));
    expect(await store.issues.all()).toHaveLength(3);
  });

  it('forgets queries no longer configured and the issues only they found', async () => {
    expect(await store.issues.keepQueries(['gfi'])).toBe(3);
    expect(await store.issues.all()).toEqual([]);
    expect((await store.issues.queries()).map((q) => q.key)).toEqual(['gfi']);
  });

  it('applies a repository language to its issues, now and later', async () => {
    await store.issues.saveQuery(
      'gfi',
      'q1',
      [issue('kubernetes/kubectl', 5)],
      { complete: true, total: 1 },
      later(150),
    );
    await store.issues.setRepoLanguage('Kubernetes/Kubectl', 'Go', later(150));
    expect((await store.issues.get({ owner: 'kubernetes', repo: 'kubectl', number: 5 }))?.language).toBe('Go');
    await store.issues.saveQuery(
      'gfi',
      'q1',
      [issue('kubernetes/kubectl', 5), issue('kubernetes/kubectl', 6)],
      { complete: true, total: 2 },
      later(180),
    );
    expect((await store.issues.all()).map((i) => i.language)).toEqual(['Go', 'Go']);
    expect((await store.issues.repoLanguages()).get('kubernetes/kubectl')?.language).toBe('Go');
    expect(await store.issues.remove({ owner: 'kubernetes', repo: 'kubectl', number: 6 })).toBe(true);
    expect(await store.issues.remove({ owner: 'kubernetes', repo: 'kubectl', number: 6 })).toBe(false);
  });

  it('keeps ETags and prunes the ones not confirmed lately', async () => {
    await store.httpCache.put('GET /a', 'W/"1"', '{"x":1}', t0);
    await store.httpCache.put('GET /b', 'W/"2"', '{}', t0);
    await store.httpCache.touch('GET /a', later(10));
    expect(await store.httpCache.prune(later(5))).toBe(1);
    expect(await store.httpCache.get('GET /a')).toMatchObject({ etag: 'W/"1"', body: '{"x":1}' });
    expect(await store.httpCache.get('GET /b')).toBeNull();
  });

  it('opens one claim per issue, whoever asks second gets the holder back', async () => {
    const first = await store.claims.open(ada, claimOf('kubernetes/website', 10), t0);
    expect(first.kind).toBe('created');
    const second = await store.claims.open(bob, claimOf('Kubernetes/Website', 10), later(1));
    expect(second).toMatchObject({ kind: 'held', claim: { user: ada } });
    expect(await store.claims.open(ada, claimOf('kubernetes/website', 10), later(1))).toMatchObject({
      kind: 'held',
      claim: { user: ada },
    });
    expect((await store.claims.openFor(ada)).map((c) => c.number)).toEqual([10]);
    expect(await store.claims.openFor(bob)).toEqual([]);
    expect((await store.claims.openOn({ owner: 'kubernetes', repo: 'website', number: 10 }))?.id).toBe(
      first.kind === 'created' && first.claim.id,
    );
  });

  it('ends a claim once, and a released issue can be claimed again', async () => {
    const opened = await store.claims.open(cleo, claimOf('kubernetes/kubectl', 11), t0);
    if (opened.kind !== 'created') throw new Error('not opened');
    expect(await store.claims.end(opened.claim.id, 'released', 'gave_up', later(5))).toBe(true);
    expect(await store.claims.end(opened.claim.id, 'released', 'gave_up', later(6))).toBe(false);
    expect(await store.claims.openFor(cleo)).toEqual([]);
    const again = await store.claims.open(bob, claimOf('kubernetes/kubectl', 11), later(7));
    expect(again.kind).toBe('created');
    expect((await store.claims.allOpen()).map((c) => c.number).sort()).toEqual([10, 11]);
  });

  it('holds a person to maxOpen claims even when many arrive at once', async () => {
    const dave = { platform: 'slack', workspaceId: 'T1', userId: 'U4' };
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => store.claims.open(dave, claimOf('kubernetes/kubectl', 200 + i), later(8), 2)),
    );
    expect(results.filter((r) => r.kind === 'created')).toHaveLength(2);
    expect(results.filter((r) => r.kind === 'full')).toHaveLength(4);
    expect(await store.claims.openFor(dave)).toHaveLength(2);
    // The issues refused stay free for others.
    const refused = results.flatMap((r, i) => (r.kind === 'full' ? [200 + i] : []));
    expect((await store.claims.open(bob, claimOf('kubernetes/kubectl', refused[0]!), later(9))).kind).toBe('created');
    for (const c of await store.claims.openFor(dave)) await store.claims.end(c.id, 'released', 'gave_up', later(9));
    for (const c of await store.claims.openFor(bob))
      if (c.number >= 200) await store.claims.end(c.id, 'released', 'gave_up', later(9));
  });

  it('tracks progress and reminders: progress restarts the clock', async () => {
    const [claim] = await store.claims.openFor(ada);
    expect(await store.claims.reminded(claim!.id, later(60))).toBe(true);
    expect(await store.claims.reminded(claim!.id, later(61))).toBe(false); // a second runner sends nothing
    await store.claims.progress(claim!.id, later(90));
    await store.claims.progress(claim!.id, later(80)); // older news changes nothing
    const [after] = await store.claims.openFor(ada);
    expect(after).toMatchObject({ progressAt: later(90), remindedAt: null });
  });

  it('queues waiters in order, tells them one at a time, and lets them leave', async () => {
    const target = {
      owner: 'kubernetes',
      repo: 'website',
      number: 10,
      title: 'Issue 10',
      url: 'https://github.com/kubernetes/website/issues/10',
    };
    expect(await store.waitlist.join(bob, target, later(1))).toEqual({ position: 1, added: true });
    expect(await store.waitlist.join(cleo, target, later(2))).toEqual({ position: 2, added: true });
    expect(await store.waitlist.join(bob, target, later(3))).toEqual({ position: 1, added: false });
    expect((await store.waitlist.waitedFor()).map((i) => i.number)).toEqual([10]);
    expect((await store.waitlist.next(target))?.user).toEqual(bob);
    expect(await store.waitlist.notified(bob, target, later(10))).toBe(true);
    expect(await store.waitlist.notified(bob, target, later(10))).toBe(false);
    expect((await store.waitlist.next(target))?.user).toEqual(cleo);
    expect(await store.waitlist.join(cleo, target, later(11))).toEqual({ position: 1, added: false });
    expect(await store.waitlist.leave(cleo, target)).toBe(true);
    expect(await store.waitlist.next(target)).toBeNull();
    expect(await store.waitlist.waitedFor()).toEqual([]);
    await store.waitlist.join(cleo, target, later(12));
    await store.waitlist.join(ada, target, later(13));
    expect(await store.waitlist.clear(target)).toBe(3);
    expect(await store.waitlist.waitedFor()).toEqual([]);
  });

  it('tells one waiter at a time: the next only when the turn is over, never while a claim is open, once among concurrent runners', async () => {
    const target = {
      owner: 'kubernetes',
      repo: 'website',
      number: 30,
      title: 'Issue 30',
      url: 'https://github.com/kubernetes/website/issues/30',
    };
    const hour = 60 * 60_000;
    await store.waitlist.join(bob, target, later(1));
    await store.waitlist.join(cleo, target, later(2));
    await store.waitlist.join(ada, target, later(3));
    const told = await Promise.all(Array.from({ length: 5 }, () => store.waitlist.tellNext(target, later(10), hour)));
    expect(told.filter((w) => w !== null).map((w) => w!.user)).toEqual([bob]);
    expect(await store.waitlist.tellNext(target, later(30), hour)).toBeNull(); // still Bob's turn
    expect((await store.waitlist.tellNext(target, later(71), hour))?.user).toEqual(cleo);
    const opened = await store.claims.open(bob, { ...target, sigId: null }, later(72));
    expect(await store.waitlist.tellNext(target, later(200), hour)).toBeNull(); // Bob took it after all
    if (opened.kind === 'created') await store.claims.end(opened.claim.id, 'released', 'gave_up', later(201));
    expect((await store.waitlist.tellNext(target, later(202), hour))?.user).toEqual(ada);
    await store.waitlist.clear(target);
  });

  it("finds an issue's latest claim, ended or open", async () => {
    const latest = await store.claims.lastOn({ owner: 'kubernetes', repo: 'kubectl', number: 11 });
    expect(latest).toMatchObject({ status: 'open', user: bob });
    expect(await store.claims.lastOn({ owner: 'kubernetes', repo: 'kubectl', number: 999 })).toBeNull();
  });

  it('remembers the last listing per person', async () => {
    await store.listings.remember(ada, [{ owner: 'kubernetes', repo: 'website', number: 1 }], t0);
    await store.listings.remember(ada, [{ owner: 'kubernetes', repo: 'kubectl', number: 2 }], later(1));
    expect(await store.listings.last(ada)).toEqual({
      issues: [{ owner: 'kubernetes', repo: 'kubectl', number: 2 }],
      at: later(1),
    });
    expect(await store.listings.last(bob)).toBeNull();
  });

  it('stores a GitHub login and whether we asked, next to the language choice', async () => {
    expect(await store.githubLogins.get(ada)).toEqual({ login: null, askedAt: null });
    await store.githubLogins.markAsked(ada, t0);
    await store.users.setLocale(ada, 'fr', t0);
    await store.githubLogins.set(ada, 'ada-l', later(1));
    expect(await store.githubLogins.get(ada)).toEqual({ login: 'ada-l', askedAt: t0 });
    expect((await store.users.get(ada))?.locale).toBe('fr');
    await store.githubLogins.set(ada, null, later(2));
    expect((await store.githubLogins.get(ada)).login).toBeNull();
  });
});

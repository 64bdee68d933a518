// Refreshing the issue index from a fake GitHub: paging, 304s, the 1,000-result cap, rate limits, failures, replicas.
import { afterEach, describe, expect, it } from 'vitest';
import { createGithub } from '../../src/github/create.js';
import { refreshIssues } from '../../src/jobs/refresh-issues.js';
import { openDatabase } from '../../src/store/database.js';
import { createStore, type Store } from '../../src/store/store.js';
import { engines, openTestDatabase } from '../helpers/database.js';
import { isSearch, type FakeGithub } from './fake-github.js';
import { githubSetup } from './setup.js';

let fake: FakeGithub | undefined;
afterEach(async () => fake?.close());

async function setup(options: Parameters<typeof githubSetup>[0] = {}) {
  const s = await githubSetup(options);
  fake = s.fake;
  return s;
}

const numbers = async (s: Awaited<ReturnType<typeof setup>>) =>
  (await s.side.issues.list()).map((i) => `${i.owner}/${i.repo}#${i.number}`).sort();

describe('issue index refresh against a fake GitHub', () => {
  it('reads every page of each query, 100 at a time, with advanced search and the free-issue qualifiers', async () => {
    const s = await setup();
    for (let n = 1; n <= 250; n++) s.fake.addIssue(n % 2 ? 'kubernetes/kubernetes' : 'kubernetes-sigs/kind', n);
    for (let n = 1; n <= 30; n++)
      s.fake.addIssue('kubernetes/website', 1000 + n, { labels: ['help wanted', 'sig/docs'] });
    s.fake.addIssue('someone-else/elsewhere', 1); // outside the community's organisations
    s.fake.setRepo('kubernetes/kubernetes', 'Go');
    s.fake.setRepo('kubernetes-sigs/kind', 'Go');
    s.fake.setRepo('kubernetes/website', 'HTML');
    const report = await s.side.refresh();
    expect(report!.queries.map((q) => [q.query.label, q.found, q.requests, q.complete])).toEqual([
      ['good first issue', 250, 3, true],
      ['help wanted', 30, 1, true],
    ]);
    const searches = s.fake.searches();
    expect(searches).toHaveLength(4);
    for (const r of searches) {
      expect(r.query.get('advanced_search')).toBe('true');
      expect(r.query.get('per_page')).toBe('100');
      expect(r.query.get('q')).toMatch(
        /^is:issue is:open no:assignee -linked:pr archived:false label:"(good first issue|help wanted)" org:kubernetes org:kubernetes-sigs$/,
      );
      expect(r.authorization).toBe('token ghp_test_token');
    }
    expect(searches.map((r) => r.query.get('page'))).toEqual(['1', '2', '3', '1']);
    expect(await numbers(s)).toHaveLength(280);
    const docs = (await s.side.issues.list()).find((i) => i.repo === 'website')!;
    expect(docs).toMatchObject({
      sigIds: ['sig-docs'],
      language: 'HTML',
      url: `${s.fake.url}/kubernetes/website/issues/${docs.number}`,
    });
    // Only three other requests: one language lookup per repository, the first time it is seen.
    expect(
      s.fake.requests
        .filter((r) => !isSearch(r))
        .map((r) => r.path)
        .sort(),
    ).toEqual(['/repos/kubernetes-sigs/kind', '/repos/kubernetes/kubernetes', '/repos/kubernetes/website']);
  });

  it('re-reads unchanged results with conditional requests only (every search a 304), and keeps the index', async () => {
    const s = await setup();
    for (let n = 1; n <= 120; n++) s.fake.addIssue('kubernetes/kubectl', n);
    await s.side.refresh();
    s.fake.reset();
    s.clock.advance(30);
    const report = await s.side.refresh();
    expect(s.fake.requests.length).toBe(3);
    expect(s.fake.requests.every((r) => r.ifNoneMatch !== null && r.status === 304)).toBe(true);
    expect(report!.queries.map((q) => [q.requests, q.notModified])).toEqual([
      [2, 2],
      [1, 1],
    ]);
    expect(await numbers(s)).toHaveLength(120);
    expect((await s.side.issues.status()).refreshedAt).toEqual(s.clock.now());
  });

  it('drops an issue assigned or linked to a pull request since the last refresh, and adds new ones', async () => {
    const s = await setup();
    const a = s.fake.addIssue('kubernetes/kubectl', 1);
    const b = s.fake.addIssue('kubernetes/kubectl', 2);
    s.fake.addIssue('kubernetes/kubectl', 3);
    await s.side.refresh();
    expect(await numbers(s)).toEqual(['kubernetes/kubectl#1', 'kubernetes/kubectl#2', 'kubernetes/kubectl#3']);
    a.assignees.push('someone');
    b.linkedPr = true;
    s.fake.addIssue('kubernetes/kubectl', 4);
    s.clock.advance(30);
    const report = await s.side.refresh();
    expect(await numbers(s)).toEqual(['kubernetes/kubectl#3', 'kubernetes/kubectl#4']);
    expect(report!.queries[0]).toMatchObject({ added: 1, removed: 2 });
  });

  it('reads past the 1,000-result cap by continuing from the last creation time, and finds every one', async () => {
    const s = await setup();
    for (let n = 1; n <= 2150; n++) s.fake.addIssue('kubernetes/kubernetes', n);
    const report = await s.side.refresh();
    expect(report!.queries[0]).toMatchObject({ found: 2150, complete: true, total: 2150 });
    expect(await numbers(s)).toHaveLength(2150);
    const gfi = s.fake.searches().filter((r) => r.query.get('q')!.includes('good first issue'));
    expect(gfi.every((r) => Number(r.query.get('page')) <= 10)).toBe(true);
    expect(
      gfi
        .map((r) => r.query.get('q')!.match(/created:>=(\S+)/)?.[1] ?? 'first')
        .filter((v, i, a) => a.indexOf(v) === i),
    ).toHaveLength(3);
    expect(gfi.length).toBe(22); // ceil(2150 / 100): each continuation re-reads one issue, which fits in its pages
    s.fake.reset();
    s.clock.advance(30);
    await s.side.refresh();
    expect(s.fake.searches().every((r) => r.status === 304)).toBe(true);
  });

  it('says the answer is incomplete when over 1,000 issues share one creation time', async () => {
    const s = await setup();
    for (let n = 1; n <= 1005; n++) s.fake.addIssue('kubernetes/kubernetes', n, { createdAt: '2026-01-01T00:00:00Z' });
    const report = await s.side.refresh();
    expect(report!.queries[0]).toMatchObject({ complete: false, found: 1000 });
  });

  it('treats incomplete results as additions only: nothing is removed on a partial answer', async () => {
    const s = await setup();
    for (let n = 1; n <= 40; n++) s.fake.addIssue('kubernetes/kubectl', n);
    await s.side.refresh();
    s.fake.options.incompleteSearches = 2; // the page and its one retry both come back incomplete
    s.clock.advance(30);
    const report = await s.side.refresh();
    expect(report!.queries[0]).toMatchObject({ complete: false });
    expect(await numbers(s)).toHaveLength(40);
    const status = await s.side.issues.status();
    expect(status.refreshedAt).toEqual(new Date('2026-11-27T10:00:00Z'));
  });

  it('retries once more when GitHub says its answer was incomplete, and then it is complete', async () => {
    const s = await setup();
    for (let n = 1; n <= 40; n++) s.fake.addIssue('kubernetes/kubectl', n);
    s.fake.options.incompleteSearches = 1;
    const report = await s.side.refresh();
    expect(report!.queries[0]).toMatchObject({ complete: true, found: 40, requests: 2 });
  });
});

describe('GitHub failures', () => {
  const secondary = (status: number, retryAfter: string) => ({
    status,
    headers: { 'retry-after': retryAfter, 'content-type': 'application/json' },
    body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
  });

  it.each([403, 429])('waits for Retry-After on a %i secondary rate limit, then carries on', async (status) => {
    const s = await setup();
    s.fake.addIssue('kubernetes/kubectl', 1);
    s.fake.respond(isSearch, secondary(status, '3'));
    const report = await s.side.refresh();
    expect(report!.queries[0]).toMatchObject({ ok: true, found: 1 });
    expect(s.fake.searches().map((r) => r.status)).toEqual([status, 200, 200]);
    expect(
      s.deps.logLines.some((l) => l.msg === 'GitHub rate limit' && l.retryAfter === 3 && l.retrying === true),
    ).toBe(true);
  });

  it('waits for the reset time when the primary limit is exhausted', async () => {
    const s = await setup();
    s.fake.addIssue('kubernetes/kubectl', 1);
    const reset = String(Math.floor(Date.now() / 1000) + 2);
    s.fake.respond(isSearch, {
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      body: { message: 'API rate limit exceeded' },
    });
    const report = await s.side.refresh();
    expect(report!.queries[0]).toMatchObject({ ok: true, found: 1 });
    expect(s.deps.logLines.some((l) => l.msg === 'GitHub rate limit' && l.kind === 'primary')).toBe(true);
  });

  it('gives up on a wait longer than two minutes, keeps the cache and says the index is failing', async () => {
    const s = await setup();
    s.fake.addIssue('kubernetes/kubectl', 1);
    await s.side.refresh();
    s.clock.advance(45);
    s.fake.respond(isSearch, secondary(429, '3600'), secondary(429, '3600'));
    const report = await s.side.refresh();
    expect(report!.queries.map((q) => q.ok)).toEqual([false, false]);
    expect(await numbers(s)).toEqual(['kubernetes/kubectl#1']);
    const status = await s.side.issues.status();
    expect(status).toMatchObject({ failing: true, stale: true, refreshedAt: new Date('2026-11-27T10:00:00Z') });
  });

  it('retries a 500 and succeeds; keeps the previous results when GitHub keeps failing', async () => {
    const s = await setup();
    s.fake.addIssue('kubernetes/kubectl', 1);
    s.fake.respond(isSearch, { status: 502, body: { message: 'Bad Gateway' } });
    expect((await s.side.refresh())!.queries[0]).toMatchObject({ ok: true, found: 1 });
    s.fake.addIssue('kubernetes/kubectl', 2);
    const down = Array.from({ length: 8 }, () => ({ status: 503, body: { message: 'Service Unavailable' } }));
    s.fake.respond(isSearch, ...down);
    s.clock.advance(30);
    const report = await s.side.refresh();
    expect(report!.queries[0]).toMatchObject({ ok: false, error: expect.stringMatching(/unavailable/) });
    expect(await numbers(s)).toEqual(['kubernetes/kubectl#1']);
  });

  it('abandons a request that hangs past the timeout, retries, and reports GitHub as unavailable', async () => {
    const s = await setup({ timeoutMs: 150 });
    s.fake.addIssue('kubernetes/kubectl', 1);
    s.fake.respond(isSearch, { status: 200, delayMs: 1000, body: {} });
    expect((await s.side.refresh())!.queries[0]).toMatchObject({ ok: true, found: 1 });
    const hang = Array.from({ length: 8 }, () => ({ status: 200, delayMs: 1000, body: {} }));
    s.fake.respond(isSearch, ...hang);
    const report = await s.side.refresh();
    expect(report!.queries[0]).toMatchObject({ ok: false, error: 'GitHub did not answer in time' });
  });

  it('sends no credentials without GITHUB_TOKEN', async () => {
    const s = await setup({ env: { GITHUB_TOKEN: '' } });
    s.fake.addIssue('kubernetes/kubectl', 1);
    await s.side.refresh();
    expect(s.fake.requests.length).toBeGreaterThan(0);
    expect(s.fake.requests.every((r) => r.authorization === null)).toBe(true);
  });

  it('never logs the token', async () => {
    const s = await setup();
    s.fake.respond(isSearch, { status: 401, body: { message: 'Bad credentials' } });
    await s.side.refresh();
    expect(JSON.stringify(s.deps.logLines)).not.toContain('ghp_test_token');
    expect((await s.side.refresh())!.queries.every((q) => q.ok)).toBe(true);
  });
});

describe.each(engines())('replicas sharing one %s store', (engine) => {
  it('refresh once per due interval: the second re-reads the index under the lock and finds it done; at the same moment only one searches', async () => {
    const db = await openTestDatabase(engine);
    const other = await openDatabase(db.url);
    try {
      const a = await setup({ store: createStore(db) });
      const bStore = createStore(other);
      const b = await createGithub({
        config: a.deps.config,
        content: a.deps.content,
        store: bStore,
        log: a.deps.log,
        now: a.clock.now,
        http: { retryAfterBaseMs: 1, searchesPerMinute: 600_000, timeoutMs: 400, interactiveMs: 300 },
      });
      for (let n = 1; n <= 3; n++) a.fake.addIssue('kubernetes/kubectl', n);
      const tick = (side: typeof b, store: Store) =>
        refreshIssues({
          refresh: side.refresh,
          issues: side.issues,
          github: side.github,
          store,
          log: a.deps.log,
          now: a.clock.now,
        });
      expect((await b.issues.status()).stale).toBe(true); // B has read the index as due, and keeps that read for a while
      expect((await tick(a.side, a.deps.store)).report).not.toBeNull();
      const searches = a.fake.searches().length;
      expect((await tick(b, bStore)).report).toBeNull();
      expect(a.fake.searches()).toHaveLength(searches);
      a.clock.advance(31);
      a.fake.reset();
      const both = await Promise.all([tick(a.side, a.deps.store), tick(b, bStore)]);
      expect(both.filter((r) => r.report !== null)).toHaveLength(1);
      expect(a.fake.searches()).toHaveLength(searches);
    } finally {
      await other.close();
      await db.dispose();
    }
  });
});

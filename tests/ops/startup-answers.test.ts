// In its first seconds the bot answers /issues from what the first queries already indexed, marked as partial.
import { afterEach, describe, expect, it } from 'vitest';
import { buildQueries } from '../../src/github/queries.js';
import type { FoundIssue } from '../../src/store/issues.js';
import { isSearch } from '../github/fake-github.js';
import { botSetup } from '../github/setup.js';

const found = (number: number, title: string): FoundIssue => ({
  owner: 'kubernetes',
  repo: 'website',
  number,
  title,
  url: `https://github.com/kubernetes/website/issues/${number}`,
  labels: ['good first issue'],
  sigIds: ['sig-docs'],
  createdAt: '2026-11-20T10:00:00Z',
  updatedAt: '2026-11-21T10:00:00Z',
});

describe('/issues during the first fill of the index', () => {
  let s: Awaited<ReturnType<typeof botSetup>>;
  afterEach(async () => s.fake.close());

  it('lists what the first query brought in, says the list is partial, then drops the mark once the fill completes', async () => {
    s = await botSetup();
    // GitHub is slow to answer the rest of the fill: the background refresh started by chat fails.
    s.fake.respond(isSearch, ...Array.from({ length: 50 }, () => ({ status: 503 })));
    const first = await s.adapter.command('issues', '');
    expect(first.text).toMatch(/fetching the free issues from GitHub for the first time/);

    // The first query lands (the cache chat read a moment ago predates it).
    const [query, ...others] = buildQueries(s.deps.content.community.github);
    await s.deps.store.issues.saveQuery(
      query!.key,
      query!.q,
      [found(101, 'Fix a broken link'), found(102, 'Translate a page')],
      { complete: true, total: 2 },
      s.clock.now(),
    );
    const early = await s.adapter.command('issues', '');
    expect(early.text).toMatch(/Fix a broken link/);
    expect(early.text).toMatch(/Translate a page/);
    expect(early.text).toMatch(/still fetching the rest for the first time/);
    expect(early.text).not.toMatch(/Ask me again in a minute\./);

    // Every query has been read once: a full answer, no mark.
    for (const q of others)
      await s.deps.store.issues.saveQuery(q.key, q.q, [], { complete: true, total: 0 }, s.clock.now());
    s.deps.issues.invalidate();
    const later = await s.adapter.command('issues', '');
    expect(later.text).toMatch(/Fix a broken link/);
    expect(later.text).not.toMatch(/still fetching/);
  });
});

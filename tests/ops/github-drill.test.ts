// Drill: GitHub answers 5xx after the index was filled; /issues answers from the index with its age, /readyz stays ready.
import { afterEach, describe, expect, it } from 'vitest';
import { createOps, watchBooted } from '../../src/http/ops.js';
import { listenOps, type OpsServer } from '../../src/http/server.js';
import { isSearch } from '../github/fake-github.js';
import { botSetup } from '../github/setup.js';
import { openTestDatabase, type TestDatabase } from '../helpers/database.js';

describe('GitHub failing after the first fill', () => {
  let s: Awaited<ReturnType<typeof botSetup>>;
  let db: TestDatabase;
  let server: OpsServer;
  afterEach(async () => {
    await server?.close();
    await db?.dispose();
    await s?.fake.close();
  });

  it('keeps answering from the index, says how old it is, and stays ready', async () => {
    s = await botSetup();
    s.fake.addIssue('kubernetes/website', 11, {
      title: 'Fix the glossary link',
      labels: ['good first issue', 'sig/docs'],
    });
    db = await openTestDatabase('sqlite');
    const ops = createOps({});
    watchBooted(ops.readiness, { deps: s.deps, database: db });
    server = await listenOps(ops.handler, 0, '127.0.0.1');
    const ready = async () => (await fetch(`http://127.0.0.1:${server.port}/readyz`)).status;

    await s.side.refresh();
    expect(await ready()).toBe(200);

    // Two hours later GitHub fails every search with a server error, retries included.
    s.clock.advance(120);
    s.fake.respond(isSearch, ...Array.from({ length: 40 }, () => ({ status: 502, body: { message: 'Bad gateway' } })));
    await s.side.refresh();
    s.deps.issues.invalidate();
    expect(s.fake.searches().some((r) => r.status === 502)).toBe(true);

    const answer = await s.adapter.command('issues', '');
    expect(answer.text).toMatch(/Fix the glossary link/);
    expect(answer.text).toMatch(/I could not reach GitHub lately: this list was checked 2 hours ago/);
    expect(await ready()).toBe(200);
  });
});

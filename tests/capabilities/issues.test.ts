// /issues: which free issues it lists in what order, filters, the cache when GitHub is down, titles kept plain.
import { afterEach, describe, expect, it } from 'vitest';
import { createGithub } from '../../src/github/create.js';
import type { FakeGithub } from '../github/fake-github.js';
import { botSetup } from '../github/setup.js';
import { testDeps } from '../helpers/deps.js';
import { actionsOf } from '../helpers/test-adapter.js';
import { startTestBot } from '../helpers/test-bot.js';

let fake: FakeGithub | undefined;
afterEach(async () => fake?.close());

async function world(env: Record<string, string> = {}) {
  const s = await botSetup({ env });
  fake = s.fake;
  const f = s.fake;
  f.addIssue('kubernetes/website', 11, {
    title: 'Docs: explain static pods',
    labels: ['good first issue', 'sig/docs'],
    createdAt: '2026-10-01T00:00:00Z',
  });
  f.addIssue('kubernetes/kubernetes', 21, {
    title: 'kube-proxy: clearer log line',
    labels: ['good first issue', 'sig/network'],
    createdAt: '2026-11-20T00:00:00Z',
  });
  f.addIssue('kubernetes/kubernetes', 22, {
    title: 'kubelet: tidy eviction tests',
    labels: ['good first issue', 'sig/node'],
    createdAt: '2026-11-21T00:00:00Z',
  });
  f.addIssue('kubernetes-sigs/py-tools', 31, {
    title: 'Add a watch example',
    labels: ['help wanted'],
    createdAt: '2026-11-22T00:00:00Z',
  });
  f.addIssue('kubernetes-sigs/kind', 41, {
    title: 'Show the node image',
    labels: ['good first issue'],
    createdAt: '2026-11-23T00:00:00Z',
  });
  f.addIssue('kubernetes-sigs/kind', 42, {
    title: 'Mention podman',
    labels: ['good first issue'],
    createdAt: '2026-11-24T00:00:00Z',
  });
  f.addIssue('kubernetes-sigs/kind', 43, {
    title: 'Sort the flags',
    labels: ['good first issue'],
    createdAt: '2026-11-25T00:00:00Z',
  });
  f.setRepo('kubernetes/website', 'HTML');
  f.setRepo('kubernetes/kubernetes', 'Go');
  f.setRepo('kubernetes-sigs/kind', 'Go');
  f.setRepo('kubernetes-sigs/py-tools', 'Python');
  await s.side.refresh();
  s.fake.reset();
  return s;
}

describe('/issues', () => {
  it('lists five free issues, newest first, each with reference, link, labels, age and a claim button', async () => {
    const s = await world();
    const said = await s.adapter.command('issues');
    expect(said.replies[0]!.private).toBe(true);
    expect(said.text).toMatch(/free right now/);
    const items = said.replies[0]!.blocks.find((b) => b.type === 'items');
    expect(items?.type === 'items' && items.items.map((i) => i.title)).toEqual([
      'Sort the flags',
      'Mention podman',
      'Show the node image',
      'Add a watch example',
      'kubelet: tidy eviction tests',
    ]);
    expect(said.text).toContain(`<${s.fake.url}/kubernetes-sigs/kind/issues/43>`);
    expect(said.text).toMatch(/kubernetes-sigs\/kind#43 · good first issue · opened 2 days ago · SIG Testing · Go/);
    expect(actionsOf(said.replies).filter(([id]) => id === 'claim')).toHaveLength(5);
    expect(actionsOf(said.replies)[0]).toEqual(['claim', 'kubernetes-sigs/kind#43']);
    expect(said.text).toMatch(/2 more are free/);
    expect(said.text).toMatch(/Just say you want to work on it/);
    expect(said.text).toMatch(/Checked on GitHub (now|0 minutes ago|this minute)/);
    expect(s.fake.requests).toEqual([]); // answered from the cache
  });

  it("puts the person's SIGs first, then freshness", async () => {
    const s = await world();
    await s.adapter.command('sig', 'join docs');
    const said = await s.adapter.command('issues');
    expect(said.text.indexOf('Docs: explain static pods')).toBeLessThan(said.text.indexOf('Sort the flags'));
    expect(said.text).toMatch(/SIG Docs/);
  });

  it('filters by SIG and by language, in any order and by name or id', async () => {
    const s = await world();
    const network = await s.adapter.command('issues', 'network');
    expect(actionsOf(network.replies).filter(([id]) => id === 'claim')).toEqual([
      ['claim', 'kubernetes/kubernetes#21'],
    ]);
    expect(network.text).toMatch(/Free issues for Network/);
    const python = await s.adapter.command('issues', 'Python');
    expect(actionsOf(python.replies).filter(([id]) => id === 'claim')).toEqual([
      ['claim', 'kubernetes-sigs/py-tools#31'],
    ]);
    const both = await s.adapter.command('issues', 'go sig-node');
    expect(actionsOf(both.replies).filter(([id]) => id === 'claim')).toEqual([['claim', 'kubernetes/kubernetes#22']]);
  });

  it('says when nothing matches and offers the closest issues instead', async () => {
    const s = await world();
    const said = await s.adapter.command('issues', 'docs rust');
    expect(said.text).toMatch(/No free issue matches Docs \+ Rust/);
    expect(said.text).toMatch(/closest/);
    expect(actionsOf(said.replies).filter(([id]) => id === 'claim')[0]).toEqual(['claim', 'kubernetes/website#11']);
  });

  it('explains an unknown filter instead of guessing', async () => {
    const s = await world();
    const said = await s.adapter.command('issues', 'quantum-basketweaving');
    expect(said.text).toMatch(/don't know "quantum-basketweaving" as a SIG or a programming language/);
  });

  it('answers "any good first issues?" in a DM and the contribute button', async () => {
    const s = await world();
    const said = await s.adapter.say('any good first issues?');
    expect(said.replies[0]!.private).toBe(false);
    expect(actionsOf(said.replies).filter(([id]) => id === 'claim')).toHaveLength(5);
    const clicked = await s.adapter.click('issues.list', 'all');
    expect(actionsOf(clicked.replies).filter(([id]) => id === 'claim')).toHaveLength(5);
  });

  it('leaves out issues someone here has claimed', async () => {
    const s = await world();
    s.fake.addUser('nobody');
    await s.adapter.click('claim', 'kubernetes-sigs/kind#43', { userId: 'U2' });
    const said = await s.adapter.command('issues');
    expect(said.text).not.toContain('Sort the flags');
  });

  it('answers from the cache and says how old it is when GitHub is down, without waiting for it', async () => {
    const s = await world();
    s.clock.advance(120);
    s.fake.respond(() => true, ...Array.from({ length: 20 }, () => ({ status: 503, body: { message: 'down' } })));
    await s.side.refresh(); // the scheduled refresh fails
    const said = await s.adapter.command('issues');
    expect(said.text).toMatch(/could not reach GitHub lately: this list was checked 2 hours ago/);
    expect(actionsOf(said.replies).filter(([id]) => id === 'claim')).toHaveLength(5);
  });

  it('says when the list was checked, not that GitHub failed, when the index is merely due for a refresh', async () => {
    const s = await world();
    s.clock.advance(45);
    const said = await s.adapter.command('issues');
    expect(said.text).not.toMatch(/could not reach GitHub/);
    expect(said.text).toMatch(/Checked on GitHub (45 minutes ago|now|0 minutes ago|this minute)/);
  });

  it('starts a background refresh when the cache is stale, and the next person gets the new issue', async () => {
    const s = await world();
    s.fake.addIssue('kubernetes-sigs/kind', 44, { title: 'Brand new', createdAt: '2026-11-26T00:00:00Z' });
    s.clock.advance(31);
    const first = await s.adapter.command('issues');
    expect(first.text).not.toContain('Brand new');
    for (let i = 0; i < 100 && !(await s.side.issues.list()).some((x) => x.number === 44); i++)
      await new Promise((r) => setTimeout(r, 20));
    const next = await s.adapter.command('issues');
    expect(next.text).toContain('Brand new');
  });

  it('says it is fetching for the first time when the index was never filled', async () => {
    const deps = await testDeps({ env: { GITHUB_API_URL: 'http://127.0.0.1:9', ISSUES_SOURCE: 'github' } });
    const side = await createGithub({
      config: deps.config,
      content: deps.content,
      store: deps.store,
      log: deps.log,
      now: deps.now,
      http: { retryAfterBaseMs: 1, timeoutMs: 200, searchesPerMinute: 600_000 },
    });
    const { adapter } = await startTestBot({ deps: { ...deps, issues: side.issues, github: side.github } });
    expect((await adapter.command('issues')).text).toMatch(/fetching the free issues from GitHub for the first time/);
  });

  it('keeps titles and labels from GitHub as plain text: no markup, links or mentions', async () => {
    const s = await world();
    s.fake.addIssue('kubernetes-sigs/kind', 45, {
      title: '<!channel> **urgent** [click](https://evil.example)',
      labels: ['good first issue', '[x](https://evil.example)'],
      createdAt: '2026-11-26T12:00:00Z',
    });
    s.clock.advance(31);
    await s.side.refresh();
    const said = await s.adapter.command('issues');
    const items = said.replies[0]!.blocks.find((b) => b.type === 'items');
    if (items?.type !== 'items') throw new Error('no items');
    expect(items.items[0]!.title).toBe('<!channel> **urgent** [click](https://evil.example)');
    expect(items.items[0]!.detail).toContain('\\[x\\]\\(https://evil.example\\)');
  });
});

describe('/issues with the bundled sample (console without GitHub)', () => {
  it('marks the reply as a sample and lists the sample issues', async () => {
    const deps = await testDeps({ env: { ISSUES_SOURCE: 'sample' } });
    const side = await createGithub({
      config: deps.config,
      content: deps.content,
      store: deps.store,
      log: deps.log,
      now: deps.now,
    });
    const { adapter } = await startTestBot({ deps: { ...deps, issues: side.issues, github: side.github } });
    const said = await adapter.command('issues');
    expect(said.text).toMatch(/^Sample issues \(offline demo\)/);
    expect(actionsOf(said.replies).filter(([id]) => id === 'claim')).toHaveLength(5);
    const claimed = await adapter.click('claim', actionsOf(said.replies)[0]![1]);
    expect(claimed.text).toMatch(/Sample issue \(offline demo\)/);
    expect(claimed.text).toMatch(/is yours to try/);
  });
});

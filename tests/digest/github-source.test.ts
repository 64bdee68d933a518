// The weekly digest over the real issue index and GitHub layer: what it lists, what it drops, and re-checks on 304s.
import { afterEach, describe, expect, it } from 'vitest';
import { CLAIM_BUTTON } from '../../src/views/issue-ref.js';
import { createIndexIssueSource } from '../../src/digest/index-source.js';
import { weeklyDigest } from '../../src/jobs/weekly-digest.js';
import type { FakeGithub } from '../github/fake-github.js';
import { githubSetup } from '../github/setup.js';
import { createVirtualClock } from '../fakes/virtual-clock.js';
import { actionsOf } from '../helpers/test-adapter.js';
import { createRecorder, slackChannel } from './helpers.js';

let fake: FakeGithub | undefined;
afterEach(async () => fake?.close());

const issuePath = (n: number) => `/repos/kubernetes/kubernetes/issues/${n}`;

describe('weekly digest over the real issue index and GitHub layer (fake GitHub on 127.0.0.1)', () => {
  it('lists what the refresh found, leaves out what was assigned or linked since, and re-checks with conditional requests', async () => {
    const s = await githubSetup();
    fake = s.fake;
    const free = s.fake.addIssue('kubernetes/kubernetes', 1, { labels: ['good first issue', 'sig/network'] });
    const soonAssigned = s.fake.addIssue('kubernetes/kubernetes', 2, { labels: ['good first issue', 'sig/network'] });
    const soonLinked = s.fake.addIssue('kubernetes/kubernetes', 3, { labels: ['good first issue', 'sig/network'] });
    s.fake.setRepo('kubernetes/kubernetes', 'Go');
    await s.side.refresh();
    expect((await s.deps.issues.list()).map((i) => i.number).sort()).toEqual([1, 2, 3]);

    // Between the refresh and the digest, two issues are taken on GitHub.
    s.fake.assign(soonAssigned, 'someone');
    s.fake.linkPr(soonLinked, 'someone-else');
    s.fake.reset();

    const clock = createVirtualClock(new Date(s.clock.now().getTime() + 3_600_000));
    const rec = createRecorder(clock);
    const issues = createIndexIssueSource(s.deps.issues, s.deps.github, {
      log: s.deps.log,
      refresh: () => s.side.refresh(),
    });
    const report = await weeklyDigest(s.deps, {
      issues,
      clock,
      post: (to, reply) => rec.post(to, reply),
      platforms: ['slack'],
    });
    expect(report.status).toBe('done');

    const network = rec.posts.find((p) => p.key === slackChannel('sig-network'))!;
    expect(actionsOf([network.reply]).filter(([id]) => id === CLAIM_BUTTON)).toEqual([
      [CLAIM_BUTTON, `kubernetes/kubernetes#${free.number}`],
    ]);
    expect(network.text).toMatch(/Go/);
    // Taken issues also leave the index at once, so /issues stops offering them.
    expect((await s.deps.issues.list()).map((i) => i.number)).toEqual([1]);

    // Asking again costs a 304 for the unchanged issue.
    s.fake.reset();
    const again = await issues.recheck([
      {
        key: 'kubernetes/kubernetes#1',
        owner: 'kubernetes',
        repo: 'kubernetes',
        number: 1,
        title: '',
        url: '',
        sigIds: [],
        labels: [],
        language: null,
        claimableSince: new Date(),
      },
    ]);
    expect(again.get('kubernetes/kubernetes#1')).toBe('claimable');
    const get = s.fake.requests.find((r) => r.path === issuePath(1))!;
    expect(get.ifNoneMatch).not.toBeNull();
    expect(get.status).toBe(304);
  });

  it('lists an issue another replica added seconds before the run, though this process read the index just before', async () => {
    const s = await githubSetup();
    fake = s.fake;
    s.fake.addIssue('kubernetes/kubernetes', 1, { labels: ['good first issue', 'sig/network'] });
    await s.side.refresh();
    expect(await s.deps.issues.list()).toHaveLength(1); // chat's copy of the index, kept for a few seconds
    // Seconds later, another replica's refresh stores a new free issue.
    s.clock.advance(0.1);
    const late = s.fake.addIssue('kubernetes/kubernetes', 2, {
      title: 'Found late',
      labels: ['good first issue', 'sig/network'],
    });
    const [query] = await s.deps.store.issues.queries();
    const found = (n: number, title: string) => ({
      owner: 'kubernetes',
      repo: 'kubernetes',
      number: n,
      title,
      url: `${s.fake.url}/kubernetes/kubernetes/issues/${n}`,
      labels: ['good first issue', 'sig/network'],
      sigIds: ['sig-network'],
      createdAt: late.createdAt,
      updatedAt: late.updatedAt,
    });
    await s.deps.store.issues.saveQuery(
      query!.key,
      query!.query,
      [found(1, 'Fix kubernetes/kubernetes#1'), found(2, 'Found late')],
      { complete: true, total: 2 },
      s.clock.now(),
    );
    const clock = createVirtualClock(new Date(s.clock.now().getTime() + 5_000));
    const rec = createRecorder(clock);
    const issues = createIndexIssueSource(s.deps.issues, s.deps.github, { log: s.deps.log });
    await weeklyDigest(s.deps, { issues, clock, post: (to, reply) => rec.post(to, reply), platforms: ['slack'] });
    const network = rec.posts.find((p) => p.key === slackChannel('sig-network'))!;
    expect(network.text).toContain('Found late');
  });

  it("keeps the index's word when GitHub does not answer the re-check", async () => {
    const s = await githubSetup({ timeoutMs: 100 });
    fake = s.fake;
    s.fake.addIssue('kubernetes/kubernetes', 7, { labels: ['good first issue', 'sig/node'] });
    await s.side.refresh();
    s.fake.respond(
      (r) => r.path.startsWith('/repos/kubernetes/kubernetes/issues/7'),
      { status: 503 },
      { status: 503 },
      { status: 503 },
      { status: 503 },
      { status: 503 },
    );
    const issues = createIndexIssueSource(s.deps.issues, s.deps.github, { log: s.deps.log });
    const answer = await issues.recheck((await issues.claimable()).filter((i) => i.number === 7));
    expect(answer.get('kubernetes/kubernetes#7')).toBe('unknown');
  });
});

// The weekly starter post: once per week per newcomer channel across a crash and a rerun, with issues across groups.
import { describe, expect, it } from 'vitest';
import type { Content } from '../../src/content/types.js';
import type { DigestRepo } from '../../src/store/digests.js';
import { starterPost, type StarterJob } from '../../src/jobs/starter-post.js';
import { weeklyDigest } from '../../src/jobs/weekly-digest.js';
import { createFakeIssues, issue } from '../fakes/digest-issues.js';
import { createVirtualClock } from '../fakes/virtual-clock.js';
import { testDeps } from '../helpers/deps.js';
import { createRecorder, smallContent } from '../digest/helpers.js';

const monday = new Date('2026-11-30T09:00:00Z');
const week = 7 * 86_400_000;
const CHANNELS = ['slack/*/#kubernetes-contributors', 'slack/*/#kubernetes-novice', 'discord/*/#new-contributors'];

async function setup(edit: (c: Content) => Content = (c) => c) {
  const content = edit(await smallContent(['sig-network', 'sig-docs', 'sig-node', 'sig-contributor-experience']));
  const deps = await testDeps({ content, env: {} });
  const clock = createVirtualClock(monday);
  const issues = createFakeIssues([
    ...[1, 2, 3, 4].map((n) => issue(n, ['sig-network'], new Date(monday.getTime() - n * 3_600_000))),
    issue(5, ['sig-docs'], new Date(monday.getTime() - 30 * 3_600_000)),
    issue(6, ['sig-node'], new Date(monday.getTime() - 40 * 3_600_000)),
  ]);
  const rec = createRecorder(clock);
  const job: StarterJob = { issues, post: (to, reply) => rec.post(to, reply), clock, platforms: ['slack', 'discord'] };
  return { deps, clock, issues, rec, job, run: () => starterPost(deps, job) };
}

function dieAt(repo: DigestRepo, nth: number) {
  const real = repo.claim;
  let n = 0;
  repo.claim = async (...args) => {
    if (++n === nth) throw new Error('process killed');
    return real.apply(repo, args);
  };
  return () => (repo.claim = real);
}

describe('weekly starter post', () => {
  it('posts a welcome, issues from several groups, the meetings and the invitation in each newcomer channel', async () => {
    const h = await setup();
    const report = await h.run();
    expect(report).toMatchObject({ period: 'starter:2026-W49', status: 'done', ran: { sent: 3 } });
    expect(CHANNELS.map((k) => h.rec.count(k))).toEqual([1, 1, 1]);
    const text = h.rec.posts[0]!.text;
    expect(text).toContain('Welcome to Kubernetes!');
    // Five issues at most, and a quiet group is not crowded out by the busy one.
    expect(text.match(/kubernetes\/kubernetes#\d+/g)).toHaveLength(5);
    expect(text).toContain('kubernetes/kubernetes#5');
    expect(text).toContain('kubernetes/kubernetes#6');
    expect(text).toContain('Contributor Experience: Regular SIG Meeting, Wednesday 2 Dec');
    expect(text).toContain('Made your first contribution this week?');
    expect(h.rec.posts[0]!.reply.blocks.some((b) => b.type === 'items' && b.items.every((i) => i.button?.id))).toBe(
      true,
    );
  });

  it('is sent once per channel per week across a crash and a rerun, and again the next week', async () => {
    const h = await setup();
    const heal = dieAt(h.deps.store.digests, 2);
    await expect(h.run()).rejects.toThrow('process killed');
    const before = h.rec.posts.length;
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(3);
    heal();
    h.clock.set(new Date(monday.getTime() + 60_000));
    expect(await h.run()).toMatchObject({ status: 'done', ran: { sent: 3 - before } });
    h.clock.set(new Date(monday.getTime() + 3 * 86_400_000));
    expect(await h.run()).toMatchObject({ status: 'done', ran: { sent: 0 } });
    expect(h.rec.posts.map((p) => p.key).sort()).toEqual([...CHANNELS].sort());
    h.clock.set(new Date(monday.getTime() + week));
    expect(await h.run()).toMatchObject({ period: 'starter:2026-W50', ran: { sent: 3 } });
    expect(h.rec.posts).toHaveLength(6);
  });

  it('leaves the ledger to the digest: a channel that is both gets both, and the digest still counts from its own cutoffs', async () => {
    const h = await setup((c) => ({
      ...c,
      sigs: c.sigs.map((s) => (s.id === 'sig-docs' ? { ...s, channels: { slack: 'kubernetes-novice' } } : s)),
    }));
    await h.run();
    const digest = await weeklyDigest(h.deps, { ...h.job, platforms: ['slack'] });
    expect(digest.ran.sent).toBeGreaterThan(0);
    expect(h.rec.posts.filter((p) => p.to.kind === 'channel' && p.to.channelId === 'kubernetes-novice')).toHaveLength(
      2,
    );
    // The starter post is not mistaken for an earlier digest there: the digest is that channel's first one.
    expect(h.rec.posts.filter((p) => p.key === 'slack/*/#kubernetes-novice').at(-1)!.text).toContain(
      'Ready for you in Docs',
    );
  });

  it('posts nothing when content leaves it off', async () => {
    const h = await setup((c) => ({
      ...c,
      community: { ...c.community, starterPost: { enabled: false, cron: '0 9 * * 1', issues: 5, meetingsOf: [] } },
    }));
    expect(await h.run()).toMatchObject({ status: 'off' });
    expect(h.rec.attempts).toHaveLength(0);
  });

  it('re-checks the issues with GitHub and leaves out one taken since the refresh', async () => {
    const h = await setup();
    h.issues.taken.add('kubernetes/kubernetes#5');
    await h.run();
    expect(h.rec.posts[0]!.text).not.toContain('kubernetes/kubernetes#5');
    expect(h.rec.posts[0]!.text.match(/kubernetes\/kubernetes#\d+/g)).toHaveLength(5);
  });
});

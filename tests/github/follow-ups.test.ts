// Claim follow-ups on a fake clock: nudge after 7 quiet days, release 7 later, progress on GitHub, one replica.
import { afterEach, describe, expect, it } from 'vitest';
import { replyToPlain } from '../../src/core/plain.js';
import type { Destination, PostResult, Reply } from '../../src/core/types.js';
import { claimFollowUps, tellTaken } from '../../src/jobs/claim-follow-ups.js';
import type { Claim } from '../../src/store/claims.js';
import { refreshIssues } from '../../src/jobs/refresh-issues.js';
import { actionsOf } from '../helpers/test-adapter.js';
import type { FakeGithub } from './fake-github.js';
import { botSetup } from './setup.js';

let fake: FakeGithub | undefined;
afterEach(async () => fake?.close());

const ada = { userId: 'U1', userName: 'Ada' };
const bob = { userId: 'U2', userName: 'Bob' };
const cleo = { userId: 'U3', userName: 'Cleo' };
const DAY = 24 * 60;

async function world(env: Record<string, string> = {}) {
  const s = await botSetup({ env });
  fake = s.fake;
  const docs = s.fake.addIssue('kubernetes/website', 11, {
    title: 'Docs: explain static pods',
    labels: ['good first issue', 'sig/docs'],
  });
  s.fake.addIssue('kubernetes-sigs/kind', 41, { title: 'Show the node image' });
  await s.side.refresh();
  const posts: { to: Destination; reply: Reply; text: string }[] = [];
  let failing = false;
  /** Rate-limit answers still to give, each with the wait it asks for. */
  const limited: number[] = [];
  const waits: number[] = [];
  const post = async (to: Destination, reply: Reply): Promise<PostResult> => {
    if (failing) return { ok: false, error: 'platform down' };
    const retryAfterMs = limited.shift();
    if (retryAfterMs !== undefined) return { ok: false, error: 'ratelimited', retryAfterMs };
    posts.push({ to, reply, text: replyToPlain(reply) });
    return { ok: true };
  };
  const followUps = () => claimFollowUps({ ...s.deps, post, wait: async (ms) => void waits.push(ms) });
  const tellHolder = (claim: Claim) => tellTaken({ ...s.deps, post }, claim);
  const refresh = () =>
    refreshIssues(
      {
        refresh: s.side.refresh,
        issues: s.side.issues,
        github: s.side.github,
        store: s.deps.store,
        log: s.deps.log,
        now: s.clock.now,
        tellTaken: tellHolder,
      },
      { force: true },
    );
  const setFailing = (v: boolean) => void (failing = v);
  return { ...s, docs, posts, followUps, refresh, setFailing, limited, waits };
}

describe('claim follow-ups (fake clock)', () => {
  it('nudges after 7 quiet days, once, with help and a way out; releases 7 days later and tells the first person waiting', async () => {
    const s = await world();
    await s.adapter.click('claim', 'kubernetes/website#11', ada);
    await s.adapter.click('claim', 'kubernetes/website#11', bob);
    s.clock.advance(6 * DAY);
    expect(await s.followUps()).toMatchObject({ reminded: 0, released: 0 });
    s.clock.advance(DAY);
    expect(await s.followUps()).toMatchObject({ reminded: 1 });
    expect(s.posts).toHaveLength(1);
    expect(s.posts[0]!.to).toEqual({ platform: 'test', workspaceId: 'W1', kind: 'user', userId: 'U1' });
    expect(s.posts[0]!.text).toMatch(/7 days ago you said you'd work on Docs: explain static pods/);
    expect(s.posts[0]!.text).toMatch(/Ask in #sig-docs/);
    expect(s.posts[0]!.text).toMatch(/in 7 more days, I'll free it/);
    expect(actionsOf([s.posts[0]!.reply])).toEqual([['claim.release', 'kubernetes/website#11']]);
    expect(await s.followUps()).toMatchObject({ reminded: 0, released: 0 });
    s.clock.advance(7 * DAY);
    expect(await s.followUps()).toMatchObject({ released: 1, notified: 1 });
    expect(s.posts.map((p) => p.to.kind === 'user' && p.to.userId)).toEqual(['U1', 'U1', 'U2']);
    expect(s.posts[1]!.text).toMatch(/I freed Docs: explain static pods/);
    expect(s.posts[2]!.text).toMatch(/is free again, and you were first in line/);
    expect(actionsOf([s.posts[2]!.reply])).toEqual([['claim', 'kubernetes/website#11']]);
    expect(await s.deps.store.claims.allOpen()).toEqual([]);
    expect((await s.adapter.click('claim', 'kubernetes/website#11', bob)).text).toMatch(/is yours to try/);
  });

  it('waits out a short rate limit and sends the reminder; a long one leaves it for the next run', async () => {
    const s = await world();
    await s.adapter.click('claim', 'kubernetes/website#11', ada);
    s.clock.advance(7 * DAY);
    s.limited.push(2_000);
    expect(await s.followUps()).toMatchObject({ reminded: 1, failed: 0 });
    expect(s.waits).toEqual([2_000]);
    expect(s.posts).toHaveLength(1);
    s.clock.advance(7 * DAY);
    s.limited.push(3_600_000);
    expect(await s.followUps()).toMatchObject({ released: 1, failed: 1 });
    expect(s.waits).toEqual([2_000]);
  });

  it('ends a claim whose issue went to someone else on GitHub, and tells nobody waiting that it is free', async () => {
    const s = await world();
    s.fake.addUser('ada-l');
    await s.adapter.command('github', 'ada-l', ada);
    await s.adapter.click('claim', 'kubernetes/website#11', ada);
    await s.adapter.click('claim', 'kubernetes/website#11', bob);
    s.clock.advance(DAY);
    s.fake.assign(s.docs, 'someone-else', s.clock.now().toISOString());
    expect((await s.refresh()).claims).toMatchObject({ checked: 1, ended: 1 });
    expect(await s.deps.store.claims.allOpen()).toEqual([]);
    // The holder is told why, once; the person waiting hears nothing.
    expect(s.posts.map((p) => [p.to.kind === 'user' && p.to.userId, p.text])).toEqual([
      [
        'U1',
        expect.stringMatching(
          /Docs: explain static pods .* has been assigned to someone else on GitHub, so I ended your claim/,
        ),
      ],
    ]);
    s.clock.advance(14 * DAY);
    expect(await s.followUps()).toMatchObject({ reminded: 0, released: 0, notified: 0 });
    expect(s.posts).toHaveLength(1);
  });

  it("keeps a claim when someone else's pull request only mentions the issue (it may not fix it)", async () => {
    const s = await world();
    s.fake.addUser('ada-l');
    await s.adapter.command('github', 'ada-l', ada);
    await s.adapter.click('claim', 'kubernetes/website#11', ada);
    s.clock.advance(DAY);
    s.fake.linkPr(s.docs, 'someone-else', s.clock.now().toISOString());
    expect((await s.refresh()).claims).toMatchObject({ checked: 1, ended: 0, progressed: 0 });
    expect((await s.deps.store.claims.allOpen()).map((c) => c.key)).toEqual(['kubernetes/website#11']);
  });

  it("counts the claimer's own comment seen at refresh as progress, which restarts the clock", async () => {
    const s = await world();
    s.fake.addUser('ada-l');
    await s.adapter.command('github', 'ada-l', ada);
    await s.adapter.click('claim', 'kubernetes/website#11', ada);
    s.clock.advance(5 * DAY);
    s.fake.comment(s.docs, 'someone-else', s.clock.now().toISOString());
    expect((await s.refresh()).claims).toMatchObject({ checked: 1, progressed: 0 });
    s.fake.comment(s.docs, 'ada-l', s.clock.now().toISOString());
    expect((await s.refresh()).claims).toMatchObject({ checked: 1, progressed: 1 });
    s.clock.advance(2 * DAY);
    expect(await s.followUps()).toMatchObject({ reminded: 0 });
    s.clock.advance(5 * DAY);
    expect(await s.followUps()).toMatchObject({ reminded: 1 });
  });

  it('sees progress on the newest page of a busy timeline (read backwards from the last page)', async () => {
    const s = await world();
    await s.adapter.click('claim', 'kubernetes/website#11', ada);
    for (let i = 0; i < 620; i++)
      s.fake.comment(s.docs, `commenter-${i}`, new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString());
    s.clock.advance(3 * DAY);
    s.fake.linkPr(s.docs, 'whoever', s.clock.now().toISOString());
    expect((await s.refresh()).claims).toMatchObject({ progressed: 1 });
  });

  it('without a login, counts the issue being assigned or linked to a pull request', async () => {
    const s = await world();
    await s.adapter.click('claim', 'kubernetes/website#11', ada);
    s.clock.advance(3 * DAY);
    s.fake.linkPr(s.docs, 'whoever', s.clock.now().toISOString());
    expect((await s.refresh()).claims).toMatchObject({ progressed: 1 });
    s.clock.advance(6 * DAY);
    expect(await s.followUps()).toMatchObject({ reminded: 0 });
  });

  it('ends the claim when its issue is closed, and sends nothing', async () => {
    const s = await world();
    await s.adapter.click('claim', 'kubernetes/website#11', ada);
    s.docs.state = 'closed';
    expect((await s.refresh()).claims).toMatchObject({ ended: 1 });
    s.clock.advance(30 * DAY);
    expect(await s.followUps()).toMatchObject({ reminded: 0, released: 0 });
    expect(s.posts).toEqual([]);
  });

  it('never tells the people waiting that a closed issue is free, whichever way its claim ended', async () => {
    const s = await world();
    await s.adapter.click('claim', 'kubernetes/website#11', ada);
    await s.adapter.click('claim', 'kubernetes/website#11', bob);
    s.docs.state = 'closed';
    expect((await s.refresh()).claims).toMatchObject({ ended: 1 });
    expect(await s.followUps()).toMatchObject({ notified: 0 });
    // A claim ended as done by another path (its waitlist still there) is not announced either.
    const kind = s.fake.addIssue('kubernetes-sigs/kind', 43, { title: 'Sort the flags' });
    await s.adapter.click('claim', `kubernetes-sigs/kind#${kind.number}`, cleo);
    await s.adapter.click('claim', `kubernetes-sigs/kind#${kind.number}`, ada);
    const [held] = await s.deps.store.claims.openFor({ platform: 'test', workspaceId: 'W1', userId: 'U3' });
    await s.deps.store.claims.end(held!.id, 'done', 'closed', s.clock.now());
    s.clock.advance(7 * DAY);
    expect(await s.followUps()).toMatchObject({ notified: 0 });
    expect(s.posts).toEqual([]);
    expect(await s.deps.store.waitlist.waitedFor()).toEqual([]);
  });

  it('runs on one replica at a time: a second run meanwhile does nothing', async () => {
    const s = await world();
    await s.adapter.click('claim', 'kubernetes/website#11', ada);
    s.clock.advance(8 * DAY);
    const both = await Promise.all([s.followUps(), s.followUps()]);
    expect(both.filter((r) => r.busy)).toHaveLength(1);
    expect(both.reduce((n, r) => n + r.reminded, 0)).toBe(1);
  });

  it('checks at most claimChecks claims per refresh, the quietest first, and any claim again right before a reminder', async () => {
    const s = await world({ CLAIM_MAX_OPEN: '3' });
    const kind = s.fake.addIssue('kubernetes-sigs/kind', 43, { title: 'Sort the flags' });
    await s.side.refresh();
    await s.adapter.click('claim', 'kubernetes-sigs/kind#41', ada);
    s.clock.advance(DAY);
    await s.adapter.click('claim', 'kubernetes/website#11', ada);
    s.clock.advance(DAY);
    await s.adapter.click('claim', `kubernetes-sigs/kind#${kind.number}`, ada);
    s.fake.reset();
    s.clock.advance(60);
    const refreshed = await refreshIssues(
      {
        refresh: s.side.refresh,
        issues: s.side.issues,
        github: s.side.github,
        store: s.deps.store,
        log: s.deps.log,
        now: s.clock.now,
        claimChecks: 2,
      },
      { force: true },
    );
    expect(refreshed.claims).toMatchObject({ checked: 2 });
    const looked = s.fake.requests
      .filter((r) => /^\/repos\/[^/]+\/[^/]+\/issues\/\d+$/.test(r.path))
      .map((r) => r.path);
    expect(looked).toEqual(['/repos/kubernetes-sigs/kind/issues/41', '/repos/kubernetes/website/issues/11']);
    // Progress the refresh did not look for is still seen before a reminder goes out.
    s.fake.linkPr(kind, 'whoever', s.clock.now().toISOString());
    s.clock.advance(7 * DAY);
    await s.followUps();
    expect(s.posts.map((p) => p.text).join('\n')).not.toMatch(/Sort the flags/);
    expect(s.posts.filter((p) => /How is it going/.test(p.text))).toHaveLength(2);
  });

  it('retries an undelivered nudge on the next run, and nudges in the language the person chose', async () => {
    const s = await world();
    await s.adapter.command('language', 'fr', ada);
    await s.adapter.click('claim', 'kubernetes/website#11', ada);
    s.clock.advance(8 * DAY);
    s.setFailing(true);
    expect(await s.followUps()).toMatchObject({ reminded: 0, failed: 1 });
    s.setFailing(false);
    expect(await s.followUps()).toMatchObject({ reminded: 1 });
    expect(s.posts[0]!.text).toMatch(/Comment ça avance/);
  });

  it('tells the next person in line when the first does not take it within two days', async () => {
    const s = await world();
    await s.adapter.click('claim', 'kubernetes/website#11', ada);
    await s.adapter.click('claim', 'kubernetes/website#11', bob);
    await s.adapter.click('claim', 'kubernetes/website#11', cleo);
    await s.adapter.say('I give up on #11', ada);
    expect(await s.followUps()).toMatchObject({ notified: 1 });
    expect(await s.followUps()).toMatchObject({ notified: 0 });
    s.clock.advance(2 * DAY);
    expect(await s.followUps()).toMatchObject({ notified: 1 });
    expect(s.posts.map((p) => p.to.kind === 'user' && p.to.userId)).toEqual(['U2', 'U3']);
  });
});

// Following a claim to a merged pull request on the fake GitHub: noticed, explained, nudged, merged, celebrated,
// shared only on press; and the unhappy paths (closed unmerged, no login, GitHub unreachable), each message once.
import { afterEach, describe, expect, it } from 'vitest';
import { claimFollowUps } from '../../src/jobs/claim-follow-ups.js';
import { ada, journeyWorld, mia } from './harness.js';

let world: Awaited<ReturnType<typeof journeyWorld>> | undefined;
afterEach(async () => world?.close());

async function setup(options: { login?: boolean; mentor?: boolean } = {}) {
  const w = (world = await journeyWorld());
  const events: string[] = [];
  const followUps = () =>
    claimFollowUps({
      ...w.deps,
      post: (to, reply) => w.outbox.post(to, reply),
      wait: async () => {},
      journeyEvents: {
        prOpened: (e) => void events.push(`opened #${e.pr}`),
        prMerged: (e) => void events.push(`merged #${e.pr}`),
      },
    });
  if (options.mentor !== false) await w.adapter.command('mentor', 'join docs', mia);
  if (options.login !== false) {
    w.fake.addUser('ada-l');
    await w.adapter.command('github', 'ada-l', ada);
  }
  await w.adapter.click('claim', 'kubernetes/website#11', ada);
  if (options.mentor !== false) {
    await w.adapter.click('claim.help', 'kubernetes/website#11', ada);
    await w.adapter.click('mentor.accept', w.buttonsTo('M1')[0]![1], mia);
  }
  return { ...w, events, followUps };
}

describe('a claim followed to a merged pull request', () => {
  it('tells what happens next, nudges once without review, celebrates the merge, shares only on press', async () => {
    const w = await setup();
    const before = w.outbox.posts.length;
    expect((await w.followUps()).prOpened).toBe(0);
    expect(w.outbox.posts.length).toBe(before);

    w.fake.linkPr(w.issue, 'Ada-L', w.clock.now().toISOString());
    expect(await w.followUps()).toMatchObject({ prOpened: 1, nudged: 0, merged: 0 });
    expect(w.plain('U1')).toMatch(
      /I saw your pull request #9011 \(https:\/\/github.com\/kubernetes\/website\/pull\/9011\)/,
    );
    expect(w.plain('U1')).toMatch(/\/ok-to-test/);
    expect(w.plain('M1')).toMatch(/Ada opened pull request #9011/);
    expect(w.events).toEqual(['opened #9011']);
    // At once again: nothing twice.
    const afterOpen = w.outbox.posts.length;
    expect(await w.followUps()).toMatchObject({ prOpened: 0 });
    expect(w.outbox.posts.length).toBe(afterOpen);

    // Twenty days without a review: one nudge (with the channel), the mentor told; never reminded nor released.
    w.clock.advance(20 * 24 * 60);
    expect(await w.followUps()).toMatchObject({ nudged: 1, reminded: 0, released: 0 });
    expect(w.plain('U1')).toMatch(/no review for 7 days[\s\S]*ask politely in #sig-docs/);
    expect(w.plain('M1')).toMatch(/Could you find it a reviewer/);
    expect(await w.followUps()).toMatchObject({ nudged: 0, reminded: 0, released: 0 });
    expect((await w.deps.store.claims.allOpen()).map((c) => c.key)).toEqual(['kubernetes/website#11']);

    w.fake.mergePr(w.issue, w.clock.now().toISOString());
    expect(await w.followUps()).toMatchObject({ merged: 1 });
    const congrats = w.postsTo('U1').at(-1)!;
    expect(w.plain('U1')).toMatch(
      /Congratulations! Your pull request #9011[\s\S]*\/issues sig-docs shows free issues in Docs/,
    );
    expect(w.plain('M1')).toMatch(/Thank you for helping them get there/);
    expect(w.events).toEqual(['opened #9011', 'merged #9011']);
    expect(await w.deps.store.claims.allOpen()).toEqual([]);
    expect(await w.followUps()).toMatchObject({ merged: 0 });

    // Nothing in the channel until the button is pressed; then once, naming Ada without a broadcast mention.
    expect(w.postsTo('sig-docs')).toHaveLength(0);
    const share = congrats.reply.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : []))[0]!;
    expect(share.id).toBe('journey.share');
    expect((await w.adapter.click(share.id, share.value, { userId: 'U2', userName: 'Eve' })).text).toMatch(
      /can't share this one/,
    );
    expect((await w.adapter.click(share.id, share.value, ada)).text).toMatch(/Shared in #sig-docs/);
    await w.adapter.click(share.id, share.value, ada);
    expect(w.postsTo('sig-docs')).toHaveLength(1);
    expect(w.plain('sig-docs')).toMatch(/^Ada just had their first pull request merged/);
    expect(w.plain('sig-docs')).not.toMatch(/@here|@channel|<!/);
  });

  it('says so kindly when the pull request is closed unmerged, and keeps the claim', async () => {
    const w = await setup({ mentor: false });
    w.fake.linkPr(w.issue, 'ada-l', w.clock.now().toISOString());
    await w.followUps();
    w.fake.closePr(w.issue);
    await w.followUps();
    await w.followUps();
    expect(w.plain('U1').match(/closed without being merged/g)).toHaveLength(1);
    expect((await w.deps.store.claims.allOpen()).map((c) => c.key)).toEqual(['kubernetes/website#11']);
  });

  it('without a login notices nothing, and the reminder says on which date a release would happen', async () => {
    const w = await setup({ login: false, mentor: false });
    w.fake.linkPr(w.issue, 'ada-l', w.clock.now().toISOString());
    w.fake.reset();
    w.clock.advance(7 * 24 * 60 + 1);
    // Nobody can tell the pull request is theirs: no "I saw your pull request", the usual reminder with its date.
    expect(await w.followUps()).toMatchObject({ prOpened: 0, reminded: 1 });
    expect(w.plain('U1')).not.toMatch(/I saw your pull request/);
    expect(w.plain('U1')).toMatch(/If nothing moves, that would be on 2026-12-11/);
  });

  it('GitHub unreachable: nothing sent and nothing lost; the next run sends each message once', async () => {
    const w = await setup({ mentor: false });
    w.fake.linkPr(w.issue, 'ada-l', w.clock.now().toISOString());
    const down = { status: 503, body: { message: 'unavailable' } };
    w.fake.respond(() => true, ...Array.from({ length: 20 }, () => down));
    const before = w.postsTo('U1').length;
    expect(await w.followUps()).toMatchObject({ prOpened: 0 });
    expect(w.postsTo('U1')).toHaveLength(before);
    for (let i = 0; i < 20; i++) if ((await w.followUps()).prOpened === 1) break;
    expect(w.plain('U1').match(/I saw your pull request/g)).toHaveLength(1);
  });
});

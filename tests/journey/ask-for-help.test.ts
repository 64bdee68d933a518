// Asking for help with a claimed issue: a mentor asked privately, Accept introduces the two, Not now or silence
// asks the next, nobody left asks the group's channel; paused mentors are skipped; French is spoken.
import { afterEach, describe, expect, it } from 'vitest';
import { actionsOf } from '../helpers/test-adapter.js';
import { ada, journeyWorld, max, mia } from './harness.js';

let world: Awaited<ReturnType<typeof journeyWorld>> | undefined;
afterEach(async () => world?.close());
const open = async () => (world = await journeyWorld());

describe('asking for help', () => {
  it('offers help on the claim; the button asks a mentor privately; Accept opens one conversation with the step and a first message', async () => {
    const w = await open();
    await w.adapter.command('mentor', 'join docs', mia);
    const claimed = await w.adapter.click('claim', 'kubernetes/website#11', ada);
    expect(actionsOf(claimed.replies)).toContainEqual(['claim.help', 'kubernetes/website#11']);

    const asked = await w.adapter.click('claim.help', 'kubernetes/website#11', ada);
    expect(asked.text).toMatch(/I've asked a mentor of Docs privately/);
    expect(w.plain('M1')).toMatch(
      /Ada wants to work on Docs: explain static pods \(kubernetes\/website#11 \(.+\)\) in Docs/,
    );
    const [accept, notNow] = w.buttonsTo('M1');
    expect([accept![0], notNow![0]]).toEqual(['mentor.accept', 'mentor.decline']);
    // Asking twice asks nobody else.
    expect((await w.adapter.command('claim', 'help kubernetes/website#11', ada)).text).toMatch(/I've asked a mentor/);
    expect(w.postsTo('M1')).toHaveLength(1);

    const accepted = await w.adapter.click('mentor.accept', accept![1], mia);
    expect(accepted.text).toMatch(/opened a conversation with Ada and you/);
    expect(w.outbox.opened).toEqual([['M1', 'U1']]);
    const intro = w.plain('G-M1-U1');
    expect(intro).toMatch(/Ada, meet Mia: they help newcomers of Docs/);
    expect(intro).toMatch(/comment \/assign/);
    expect(intro).toMatch(/A good first message, Ada: Hi Mia! I'm looking at kubernetes\/website#11/);
    expect((await w.adapter.command('mentor', '', mia)).text).toMatch(
      /helping 1 newcomer: Ada \(kubernetes\/website#11\)/,
    );
    // A second press changes nothing and sends nothing.
    expect((await w.adapter.click('mentor.accept', accept![1], mia)).text).toMatch(/no longer waiting/);
    expect(w.postsTo('G-M1-U1')).toHaveLength(1);
    expect((await w.adapter.click('claim.help', 'kubernetes/website#11', ada)).text).toMatch(
      /Mia is already helping you/,
    );
  });

  it('understands "I want to work on #N but I don\'t know how" as a claim with a request for help', async () => {
    const w = await open();
    await w.adapter.command('mentor', 'join docs', mia);
    const said = await w.adapter.say("I want to work on kubernetes/website#11 but I don't know how", ada);
    expect(said.text).toMatch(/is yours to try/);
    expect(said.text).toMatch(/I've asked a mentor of Docs/);
    expect(actionsOf(said.replies).map(([id]) => id)).not.toContain('claim.help');
    expect(w.postsTo('M1')).toHaveLength(1);
    expect((await w.deps.store.claims.allOpen()).map((c) => c.user.userId)).toEqual(['U1']);
  });

  it('asks the next mentor after Not now and after silence, skips a paused one, then asks the channel without a broadcast mention', async () => {
    const w = await open();
    await w.adapter.command('mentor', 'join docs', mia);
    await w.adapter.command('mentor', 'join docs', max);
    await w.adapter.command('mentor', 'join docs', { userId: 'M3', userName: 'Pat' });
    await w.adapter.command('mentor', 'pause', { userId: 'M3', userName: 'Pat' });
    await w.adapter.click('claim', 'kubernetes/website#11', ada);
    await w.adapter.click('claim.help', 'kubernetes/website#11', ada);
    const id = w.buttonsTo('M1')[0]![1];
    expect((await w.adapter.click('mentor.decline', id, mia)).text).toMatch(/I'll ask someone else/);
    expect(w.postsTo('M2')).toHaveLength(1);
    // Max says nothing for a day: the sweep moves on; nobody is left (Pat paused, Mia declined).
    w.clock.advance(23 * 60);
    expect(await w.desk.sweep()).toEqual({ asked: 0, expired: 0, volunteers: 0 });
    w.clock.advance(61);
    expect(await w.desk.sweep()).toEqual({ asked: 0, expired: 1, volunteers: 1 });
    expect(w.postsTo('M3')).toHaveLength(0);
    const call = w.plain('sig-docs');
    expect(call).toMatch(/Someone new is working on Docs: explain static pods/);
    expect(call).not.toMatch(/@here|@channel|<!/);
    expect(w.plain('U1')).toMatch(/No mentor of Docs is free right now, so I've asked in #sig-docs/);
    // Whoever answers the call first helps (here a volunteer from the channel); a late Accept from Max finds it taken.
    const volunteer = w.buttonsTo('sig-docs')[0]!;
    expect(volunteer[0]).toBe('mentor.accept');
    expect((await w.adapter.click('mentor.accept', volunteer[1], { userId: 'V1', userName: 'Vic' })).text).toMatch(
      /opened a conversation with Ada/,
    );
    expect(w.plain('G-U1-V1')).toMatch(/Ada, meet Vic/);
    expect((await w.adapter.click('mentor.accept', id, max)).text).toMatch(/no longer waiting/);
    // Sweeping again sends nothing twice.
    expect(await w.desk.sweep()).toEqual({ asked: 0, expired: 0, volunteers: 0 });
    expect(w.postsTo('sig-docs')).toHaveLength(1);
    expect(w.postsTo('U1')).toHaveLength(1);
  });

  it('with no mentor at all, asks the channel at once and tells the newcomer honestly', async () => {
    const w = await open();
    await w.adapter.click('claim', 'kubernetes/website#11', ada);
    const said = await w.adapter.command('claim', 'help kubernetes/website#11', ada);
    expect(said.text).toMatch(/No mentor of Docs is free right now, so I've asked in #sig-docs/);
    expect(w.postsTo('sig-docs')).toHaveLength(1);
    expect(w.outbox.posts.filter((p) => p.to.kind === 'user')).toHaveLength(0);
  });

  it("prefers a mentor who speaks the newcomer's language, and speaks French", async () => {
    const w = await open();
    await w.adapter.command('mentor', 'join docs', mia);
    await w.adapter.command('language', 'fr', max);
    await w.adapter.command('mentor', 'join docs', max);
    await w.adapter.command('language', 'fr', ada);
    await w.adapter.click('claim', 'kubernetes/website#11', ada);
    const asked = await w.adapter.click('claim.help', 'kubernetes/website#11', ada);
    expect(asked.text).toMatch(/j'ai demandé en privé à un mentor de Docs/);
    expect(w.postsTo('M1')).toHaveLength(0);
    expect(w.plain('M2')).toMatch(/Ada veut travailler sur/);
    await w.adapter.click('mentor.accept', w.buttonsTo('M2')[0]![1], max);
    expect(w.plain('G-M2-U1')).toMatch(/Ada, je vous présente Max/);
  });

  it('spreads the load: a mentor at MENTOR_MAX_MENTEES is not asked', async () => {
    const w = await open();
    await w.adapter.command('mentor', 'join docs', mia);
    for (let i = 0; i < 3; i++) {
      const { mentorship } = await w.deps.store.mentors.request(
        {
          claimId: `c${i}`,
          issueKey: `x/y#${i}`,
          groupId: 'sig-docs',
          newcomer: { platform: 'test', workspaceId: 'W1', userId: `N${i}` },
          newcomerName: 'N',
        },
        w.clock.now(),
      );
      await w.deps.store.mentors.ask(mentorship.id, 'M1', w.clock.now());
    }
    await w.adapter.click('claim', 'kubernetes/website#11', ada);
    expect((await w.adapter.click('claim.help', 'kubernetes/website#11', ada)).text).toMatch(
      /No mentor of Docs is free/,
    );
    expect(w.postsTo('M1')).toHaveLength(0);
  });
});

// The DM digest switch: /sig digest on and off, its button and home section, French, and the terminal's warning.
import { describe, expect, it } from 'vitest';
import { capabilities } from '../../src/capabilities/index.js';
import { createBot } from '../../src/wiring/bot.js';
import { replyToPlain } from '../../src/core/plain.js';
import { DIGEST_TOGGLE_ACTION } from '../../src/digest/compose.js';
import { weeklyDigest } from '../../src/jobs/weekly-digest.js';
import { createFakeIssues, issue } from '../fakes/digest-issues.js';
import { createVirtualClock } from '../fakes/virtual-clock.js';
import { testDeps } from '../helpers/deps.js';
import { actionsOf } from '../helpers/test-adapter.js';
import { startTestBot } from '../helpers/test-bot.js';

const me = { platform: 'test', workspaceId: 'W1', userId: 'U1' };

const setup = (origin = {}) => startTestBot({ origin });

const toggles = (said: { replies: Parameters<typeof actionsOf>[0] }) =>
  actionsOf(said.replies).filter(([id]) => id === DIGEST_TOGGLE_ACTION);

describe('DM digest switch', () => {
  it('shows where it stands with `/sig digest`, and flips with on and off', async () => {
    const { adapter, deps } = await setup();
    const status = await adapter.command('sig', 'digest');
    expect(status.replies[0]!.private).toBe(true);
    expect(status.text).toMatch(/Weekly digest by direct message: off/);
    expect(toggles(status)).toEqual([[DIGEST_TOGGLE_ACTION, 'on']]);

    await adapter.command('sig', 'join network');
    const on = await adapter.command('sig', 'digest on');
    expect(on.text).toMatch(/every week you'll get a direct message .*\(Network\)/);
    expect(toggles(on)).toEqual([[DIGEST_TOGGLE_ACTION, 'off']]);
    expect(await deps.store.digests.dmOn(me)).toBe(true);
    expect((await adapter.command('sig', 'digest on')).text).toMatch(/already on/);

    const off = await adapter.command('sig', 'DIGEST off');
    expect(off.text).toMatch(/no more weekly digests/);
    expect(await deps.store.digests.dmOn(me)).toBe(false);
    expect(await deps.store.subscriptions.list(me)).toEqual(['sig-network']);
  });

  it('explains itself when given a word it does not know, and changes nothing', async () => {
    const { adapter, deps } = await setup();
    const said = await adapter.command('sig', 'digest maybe');
    expect(said.text).toMatch(/Use `?\/sig digest on`? to get a weekly direct message/);
    expect(said.text).toMatch(/: off/);
    expect(await deps.store.digests.dmOn(me)).toBe(false);
  });

  it('says there is nothing to send yet to someone who follows no group', async () => {
    const { adapter } = await setup();
    expect((await adapter.command('sig', 'digest on')).text).toMatch(/You don't follow any group yet/);
  });

  it('speaks French to a French speaker, who may say "activer"', async () => {
    const { adapter, deps } = await setup();
    await deps.store.users.setLocale(me, 'fr', deps.now());
    const said = await adapter.command('sig', 'résumé activer');
    expect(said.text).toMatch(/C'est fait, le résumé hebdomadaire est activé/);
    expect(
      said.replies[0]!.blocks.some(
        (b) => b.type === 'buttons' && b.buttons[0]!.label === 'Arrêter le résumé hebdomadaire',
      ),
    ).toBe(true);
  });

  it('flips from its button, wherever the button was shown', async () => {
    const { adapter, deps } = await setup();
    expect((await adapter.click(DIGEST_TOGGLE_ACTION, 'on')).text).toMatch(/weekly digests are on/);
    expect(await deps.store.digests.dmOn(me)).toBe(true);
    expect((await adapter.click(DIGEST_TOGGLE_ACTION, 'off')).text).toMatch(/no more weekly digests/);
    expect(await deps.store.digests.dmOn(me)).toBe(false);
  });

  it('is offered after joining a SIG and in `/sig mine`, until it is on', async () => {
    const { adapter } = await setup();
    const joined = await adapter.click('sig.pick', 'sig-docs');
    expect(toggles(joined)).toEqual([[DIGEST_TOGGLE_ACTION, 'on']]);
    const mine = await adapter.command('sig', 'mine');
    expect(mine.text).toMatch(/Docs[\s\S]*Weekly digest by direct message: off/);
    await adapter.click(DIGEST_TOGGLE_ACTION, 'on');
    expect(toggles(await adapter.click('sig.pick', 'sig-node'))).toEqual([]);
    expect(toggles(await adapter.command('sig', 'mine'))).toEqual([[DIGEST_TOGGLE_ACTION, 'off']]);
  });

  it('has its section in the home, with the switch', async () => {
    const deps = await testDeps();
    const origin = {
      platform: 'slack' as const,
      workspaceId: 'T1',
      channelId: 'D1',
      userId: 'U1',
      userName: 'Ada',
      isDirect: true,
    };
    const bot = createBot(deps, capabilities);
    const [home] = await bot.dispatch({ kind: 'home', id: 'h1', origin });
    expect(replyToPlain(home!)).toMatch(/Weekly digest\n[\s\S]*: off/);
    expect(actionsOf([home!])).toContainEqual([DIGEST_TOGGLE_ACTION, 'on']);
    await bot.dispatch({ kind: 'action', id: 'a1', origin, actionId: DIGEST_TOGGLE_ACTION, value: 'on' });
    const [again] = await bot.dispatch({ kind: 'home', id: 'h2', origin });
    expect(actionsOf([again!])).toContainEqual([DIGEST_TOGGLE_ACTION, 'off']);
  });

  it('warns in the terminal that there is no inbox to send to', async () => {
    const { adapter } = await setup({ platform: 'console' });
    expect((await adapter.command('sig', 'digest on')).text).toMatch(/no inbox/);
  });

  it('turns into a weekly DM for someone who switched it on from chat', async () => {
    const { adapter, deps } = await setup();
    await adapter.command('sig', 'join node');
    await adapter.command('sig', 'digest on');
    const clock = createVirtualClock(new Date('2026-11-30T09:00:00Z'));
    const issues = createFakeIssues([issue(7, ['sig-node'], new Date('2026-11-29T09:00:00Z'))]);
    await weeklyDigest(deps, {
      issues,
      clock,
      post: (to, reply) => adapter.outbox.post(to, reply),
      platforms: ['test'],
    });
    const dm = adapter.posts.filter((p) => p.to.kind === 'user');
    expect(dm.map((p) => p.to)).toEqual([{ platform: 'test', workspaceId: 'W1', kind: 'user', userId: 'U1' }]);
    expect(replyToPlain(dm[0]!.reply)).toMatch(/Node[\s\S]*Issue 7/);
    // Stopping from the digest's own button ends them.
    await adapter.click(DIGEST_TOGGLE_ACTION, 'off');
    expect(await deps.store.digests.dmRecipients()).toEqual([]);
  });
});

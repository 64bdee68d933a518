// The SIG capability: listing groups, one group's details, joining and leaving, recommendations, French descriptions.
import { describe, expect, it } from 'vitest';
import { actionsOf } from '../helpers/test-adapter.js';
import { startTestBot } from '../helpers/test-bot.js';

const setup = () => startTestBot();

describe('sig capability', () => {
  it('lists every group privately with a picker of all of them', async () => {
    const { adapter, deps } = await setup();
    const said = await adapter.command('sig');
    expect(said.replies[0]!.private).toBe(true);
    expect(said.text).toContain('sig-network');
    expect(actionsOf(said.replies).filter(([id]) => id === 'sig.pick')).toHaveLength(deps.content.sigs.length);
  });

  it('shows one SIG with its channel, leads, meeting and a join button', async () => {
    const { adapter } = await setup();
    const said = await adapter.command('sig', 'network');
    expect(said.text).toContain('Network');
    expect(said.text).toContain('#sig-network');
    expect(said.text).toMatch(/Leads: .+\(/);
    expect(said.text).toMatch(/Meeting: .+Thursday/);
    expect(actionsOf(said.replies)).toEqual([['sig.pick', 'sig-network']]);
  });

  it('subscribes through the picker, confirms with where to go next, and remembers', async () => {
    const { adapter, deps, me } = await setup();
    const said = await adapter.click('sig.pick', 'sig-docs');
    expect(said.text).toContain('You joined **Docs**'.replace(/\*\*/g, ''));
    expect(said.text).toContain('#sig-docs');
    expect(await deps.store.subscriptions.list(me)).toEqual(['sig-docs']);
    const again = await adapter.click('sig.pick', 'sig-docs');
    expect(again.text).toMatch(/already follow/);
    expect(actionsOf((await adapter.command('sig', 'docs')).replies)).toEqual([['sig.leave', 'sig-docs']]);
  });

  it('joins and leaves by command, and lists mine', async () => {
    const { adapter, deps, me } = await setup();
    await adapter.command('sig', 'join sig-node');
    await adapter.command('sig', 'join storage');
    expect((await adapter.command('sig', 'mine')).text).toMatch(/Node[\s\S]*Storage/);
    expect((await adapter.command('sig', 'leave node')).text).toMatch(/no longer follow/);
    expect(await deps.store.subscriptions.list(me)).toEqual(['sig-storage']);
    expect((await adapter.command('sig', 'leave node')).text).toMatch(/were not following/);
  });

  it('explains an unknown SIG instead of failing', async () => {
    const { adapter } = await setup();
    const said = await adapter.command('sig', 'join sig-cooking');
    expect(said.replies[0]!.private).toBe(true);
    expect(said.text).toMatch(/don't know a SIG called "sig-cooking"/);
  });

  it('recommends up to three groups for interests, with the reason and a way to join', async () => {
    const { adapter } = await setup();
    const said = await adapter.command('sig', 'kube-proxy and DNS');
    expect(said.text).toMatch(/Network/);
    expect(said.text).toMatch(/Why: .*(dns|kube-proxy)/i);
    const picks = actionsOf(said.replies).filter(([id]) => id === 'sig.pick');
    expect(picks[0]![1]).toBe('sig-network');
  });

  it('answers in French with French descriptions', async () => {
    const { adapter, deps, me } = await setup();
    await deps.store.users.setLocale(me, 'fr', new Date());
    const said = await adapter.command('sig', 'sig-network');
    expect(said.text).toMatch(/Comment pods et services communiquent/);
    expect(said.text).toMatch(/Réunion: .*jeudi/);
  });
});

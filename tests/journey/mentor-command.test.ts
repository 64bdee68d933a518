// `/mentor`: joining and leaving groups, pausing and resuming, and the status a mentor sees, in English and French.
import { describe, expect, it } from 'vitest';
import type { Content } from '../../src/content/types.js';
import { realContent } from '../helpers/deps.js';
import { startTestBot } from '../helpers/test-bot.js';

describe('/mentor', () => {
  it('joins a group by id or name, once, and says what being a mentor means', async () => {
    const { adapter, deps, me } = await startTestBot();
    const joined = await adapter.command('mentor', 'join docs');
    expect(joined.replies[0]!.private).toBe(true);
    expect(joined.text).toMatch(/You now mentor Docs/);
    expect(joined.text).toMatch(/never more than 3 newcomers at once/);
    expect((await adapter.command('mentor', 'join sig-docs')).text).toMatch(/already mentor Docs/);
    expect(await deps.store.mentors.of(me)).toEqual({ groups: ['sig-docs'], paused: false });
  });

  it('refuses an unknown group and a missing one with a way forward', async () => {
    const { adapter, deps, me } = await startTestBot();
    expect((await adapter.command('mentor', 'join astrology')).text).toMatch(/don't know a SIG called "astrology"/);
    expect((await adapter.command('mentor', 'join')).text).toMatch(/Which SIG\? For example \/mentor join/);
    expect((await adapter.command('mentor', 'dance')).text).toMatch(/I understand \/mentor join/);
    expect((await deps.store.mentors.of(me)).groups).toEqual([]);
  });

  it('shows nothing to a non-mentor, then the groups, the pause and whom they help', async () => {
    const { adapter, deps, me } = await startTestBot();
    expect((await adapter.command('mentor')).text).toMatch(/don't mentor any SIG yet/);
    await adapter.command('mentor', 'join network');
    await adapter.command('mentor', 'join docs');
    expect((await adapter.command('mentor')).text).toMatch(
      /You mentor: Docs, Network \(up to 3 newcomers at once\)[\s\S]*Nobody is relying on you/,
    );
    expect((await adapter.command('mentor', 'pause')).text).toMatch(/Paused: I won't ask you/);
    expect((await adapter.command('mentor', 'pause')).text).toMatch(/already paused/);
    expect((await adapter.command('mentor')).text).toMatch(/You're paused/);
    expect((await adapter.command('mentor', 'resume')).text).toMatch(/Welcome back/);
    expect((await adapter.command('mentor', 'resume')).text).toMatch(/weren't paused/);
    // Someone they accepted to help appears by name and issue.
    const ship = await deps.store.mentors.request(
      {
        claimId: 'c1',
        issueKey: 'kubernetes/website#11',
        groupId: 'sig-docs',
        newcomer: { ...me, userId: 'U9' },
        newcomerName: 'Nia',
      },
      deps.now(),
    );
    await deps.store.mentors.ask(ship.mentorship.id, me.userId, deps.now());
    await deps.store.mentors.accept(ship.mentorship.id, me.userId, 'Me', deps.now());
    expect((await adapter.command('mentor')).text).toMatch(/helping 1 newcomer: Nia \(kubernetes\/website#11\)/);
    expect((await adapter.command('mentor', 'leave network')).text).toMatch(/no longer mentor Network/);
    expect((await adapter.command('mentor', 'leave network')).text).toMatch(/don't mentor Network/);
  });

  it('counts the groups content names the person a mentor of', async () => {
    const real = await realContent();
    const sigs = real.sigs.map((s) =>
      s.id === 'sig-node' ? { ...s, mentors: [{ test: 'U1' } as never, { slack: 'U1' }] } : s,
    );
    const content: Content = { ...real, sigs, sigById: new Map(sigs.map((s) => [s.id, s])) };
    const { adapter } = await startTestBot({ content });
    expect((await adapter.command('mentor')).text).toMatch(/You mentor: Node/);
  });

  it('answers in French', async () => {
    const { adapter } = await startTestBot();
    await adapter.command('language', 'fr');
    expect((await adapter.command('mentor', 'join docs')).text).toMatch(/Vous suivez maintenant les nouveaux de Docs/);
    expect((await adapter.command('mentor', 'pause')).text).toMatch(/En pause/);
  });
});

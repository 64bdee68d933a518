// The home view: the SIGs a person follows, the ones to join, their language, and each capability's section.
import { describe, expect, it } from 'vitest';
import { capabilities } from '../../src/capabilities/index.js';
import { createBot } from '../../src/wiring/bot.js';
import { text } from '../../src/core/blocks.js';
import type { Capability } from '../../src/core/capability.js';
import { home as homeCapability } from '../../src/capabilities/home.js';
import type { InboundEvent } from '../../src/core/types.js';
import { replyToPlain } from '../../src/core/plain.js';
import { testDeps } from '../helpers/deps.js';
import { actionsOf } from '../helpers/test-adapter.js';

const origin = {
  platform: 'slack' as const,
  workspaceId: 'T1',
  channelId: 'D1',
  userId: 'U1',
  userName: 'Ada',
  isDirect: true,
};
const home = (n = 1): InboundEvent => ({ kind: 'home', id: `h${n}`, origin });
const me = { platform: 'slack', workspaceId: 'T1', userId: 'U1' };

describe('home', () => {
  it('invites someone who follows nothing to pick a SIG', async () => {
    const deps = await testDeps();
    const [reply] = await createBot(deps, capabilities).dispatch(home());
    expect(reply!.private).toBe(true);
    expect(replyToPlain(reply!)).toMatch(/Your SIGs[\s\S]*don't follow any group yet/);
    expect(actionsOf([reply!]).filter(([id]) => id === 'sig.pick')).toHaveLength(deps.content.sigs.length);
  });

  it('lists the SIGs a person follows with Leave, and offers only the others to join', async () => {
    const deps = await testDeps();
    await deps.store.subscriptions.add(me, 'sig-network', deps.now());
    const [reply] = await createBot(deps, capabilities).dispatch(home());
    const plain = replyToPlain(reply!);
    expect(plain).toContain('Network');
    expect(plain).toContain('#sig-network');
    const actions = actionsOf([reply!]);
    expect(actions).toContainEqual(['sig.leave', 'sig-network']);
    expect(actions).not.toContainEqual(['sig.pick', 'sig-network']);
    expect(actions.filter(([id]) => id === 'sig.pick')).toHaveLength(deps.content.sigs.length - 1);
  });

  it('speaks the person’s chosen language', async () => {
    const deps = await testDeps();
    await deps.store.users.setLocale(me, 'fr', deps.now());
    const [reply] = await createBot(deps, capabilities).dispatch(home());
    expect(replyToPlain(reply!)).toMatch(/Vos SIG/);
  });

  it('plugs in every capability’s section in order, and leaves out one that fails', async () => {
    const deps = await testDeps();
    const claims: Capability = {
      id: 'claims',
      usage: '',
      command: false,
      run: async () => null,
      homeSection: async () => [text('CLAIMS SECTION')],
    };
    const broken: Capability = {
      id: 'digest',
      usage: '',
      command: false,
      run: async () => null,
      homeSection: async () => {
        throw new Error('down');
      },
    };
    const registry = [...capabilities.filter((c) => c.id !== 'home'), claims, broken];
    // The home reads the sections of whatever list it is wired into.
    const all = [...registry, homeCapability];
    const [reply] = await createBot(deps, all).dispatch(home());
    const plain = replyToPlain(reply!);
    expect(plain.indexOf('Your SIGs')).toBeLessThan(plain.indexOf('CLAIMS SECTION'));
    expect(deps.logLines.some((l) => l.msg === 'home section failed' && l.capability === 'digest')).toBe(true);
  });
});

// The funnel notes a person's first contact, group pick and claim as they happen, once each, without touching the reply.
import { afterEach, describe, expect, it } from 'vitest';
import { funnelRecorder } from '../../src/wiring/ports.js';
import type { FakeGithub } from '../github/fake-github.js';
import { botSetup } from '../github/setup.js';
import { createMemoryStore } from '../fakes/memory-store.js';
import { startTestBot } from '../helpers/test-bot.js';

let fake: FakeGithub | undefined;
afterEach(async () => fake?.close());

const ada = { userId: 'U1', userName: 'Ada' };

describe('funnel steps from chat', () => {
  it('records first contact, the group picked and the claim, each once, with group, platform and language', async () => {
    const s = await botSetup();
    fake = s.fake;
    s.fake.addIssue('kubernetes/website', 11, {
      title: 'Docs: explain static pods',
      labels: ['good first issue', 'sig/docs'],
    });
    await s.side.refresh();
    await s.adapter.say('Bonjour, comment contribuer à Kubernetes ?', ada);
    await s.adapter.click('sig.pick', 'sig-docs', ada);
    s.clock.advance(60);
    await s.adapter.click('sig.pick', 'sig-network', ada);
    await s.adapter.click('claim', 'kubernetes/website#11', ada);
    await funnelRecorder(s.deps).flush();
    const steps = await s.deps.store.funnel.forPerson({ platform: 'test', workspaceId: 'W1', userId: 'U1' });
    expect(steps.map((e) => [e.step, e.group, e.language])).toEqual([
      ['first_contact', null, 'fr'],
      ['picked_group', 'sig-docs', 'fr'],
      ['claimed', 'sig-docs', 'fr'],
    ]);
    expect(steps[0]!.at.toISOString()).toBe('2026-11-27T10:00:00.000Z');
    expect(steps[2]!.at.toISOString()).toBe('2026-11-27T11:00:00.000Z');
  });

  it('answers as usual when the funnel cannot be written, and logs it without the person', async () => {
    const store = createMemoryStore();
    store.funnel.record = async () => {
      throw new Error('disk full');
    };
    const { adapter, deps } = await startTestBot({ store });
    const said = await adapter.command('sig', 'join sig-docs');
    expect(said.text).toMatch(/You joined Docs/);
    await funnelRecorder(deps).flush();
    const warned = deps.logLines.filter((l) => l.msg === 'funnel step not recorded');
    expect(warned.map((l) => l.step)).toEqual(['first_contact', 'picked_group']);
    expect(JSON.stringify(warned)).not.toContain('U1');
  });

  it('leaves the unanswered chatter of a channel out of the funnel', async () => {
    const { adapter, deps } = await startTestBot();
    await adapter.say('lunch anyone?', { isDirect: false, channelId: 'C-random' });
    await funnelRecorder(deps).flush();
    expect(await deps.store.funnel.events()).toEqual([]);
  });
});

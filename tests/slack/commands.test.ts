// Slack slash commands: SLACK_COMMAND_NAMES renames, answering and naming renamed commands, and /sig recommendations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { startHarness, type Harness } from './harness.js';
import { asForm, command, send } from './payloads.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { SLACK_COMMAND_NAMES: 'sig=/k8s-sig, issues=/k8s-issues' } });
});
afterAll(async () => h?.close());

const answerTo = async (id: string) => JSON.stringify((await h.fake.answerTo(id)).body);
type Select = { type: string; options?: { value: string }[] };

describe('Slack slash commands', () => {
  it('reads SLACK_COMMAND_NAMES as capability=/command pairs, and explains a bad value', () => {
    const ok = loadConfig({ SLACK_COMMAND_NAMES: 'sig=/k8s-sig,issues=/gfi' });
    expect(ok.ok && ok.config.SLACK_COMMAND_NAMES).toEqual({ sig: '/k8s-sig', issues: '/gfi' });
    const bad = loadConfig({ SLACK_COMMAND_NAMES: 'sig=k8s-sig' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]).toMatch(/^SLACK_COMMAND_NAMES: expected capability=\/command pairs/);
  });

  it('answers a renamed command as the capability it stands for', async () => {
    await send(h.url, asForm(command('/k8s-sig', 'network', h.fake.responseUrl('renamed'))));
    expect(await answerTo('renamed')).toMatch(/#sig-network/);
  });

  it('names the renamed commands in what it says: /help and the hints of other answers', async () => {
    await send(h.url, asForm(command('/help', '', h.fake.responseUrl('help'))));
    const help = await answerTo('help');
    expect(help).toContain('/k8s-sig [interests');
    expect(help).toContain('/k8s-issues [group] [language]');
    expect(help).not.toMatch(/[`\s]\/(sig|issues)\b/);
    expect(help).toContain('/contribute');
    await send(h.url, asForm(command('/k8s-issues', 'nonsense-filter', h.fake.responseUrl('bad-filter'))));
    await send(h.url, asForm(command('/contribute', '', h.fake.responseUrl('path'))));
    expect(await answerTo('path')).toContain('/k8s-sig'); // the community's own onboarding text too
    const hint = await answerTo('bad-filter');
    expect(hint).toContain('/k8s-issues python');
    expect(hint).not.toMatch(/\s\/issues\b/);
  });

  it('/sig with interests puts the (up to three) recommendations first, in the text and in the picker', async () => {
    await send(h.url, asForm(command('/k8s-sig', 'networking, storage and testing', h.fake.responseUrl('interests'))));
    const [answer] = await h.fake.waitFor((c) => c.responseId === 'interests');
    const blocks = answer!.body.blocks as { elements?: Select[]; accessory?: { value: string } }[];
    const recommended = blocks.flatMap((b) => (b.accessory ? [b.accessory.value] : []));
    expect(recommended.length).toBeGreaterThanOrEqual(2);
    expect(recommended.length).toBeLessThanOrEqual(3);
    expect(recommended).toEqual(expect.arrayContaining(['sig-network', 'sig-storage']));
    const picker = blocks.flatMap((b) => b.elements ?? []).find((e) => e.type === 'static_select')!;
    expect(picker.options!.slice(0, recommended.length).map((o) => o.value)).toEqual(recommended);
  });
});

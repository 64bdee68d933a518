// The SIG recommendation reply: best groups with reasons and how to join, one named group, nothing found, French.
import { describe, expect, it } from 'vitest';
import { startTestBot } from '../helpers/test-bot.js';

const setup = async () => (await startTestBot()).adapter;

describe('the recommendation reply', () => {
  it('offers the best groups with the reason and how to join each', async () => {
    const said = await (await setup()).say('I know Go and I like kube-proxy and DNS, which SIG should I join?');
    expect(said.text).toContain('Network (sig-network)');
    expect(said.text).toMatch(/Why: you mentioned kube-proxy, DNS/);
    expect(said.text).toContain('#sig-network');
    const items = said.replies[0]!.blocks.find((b) => b.type === 'items');
    expect(items?.type === 'items' && items.items.every((i) => i.button?.id === 'sig.pick')).toBe(true);
    expect(said.replies[0]!.blocks.some((b) => b.type === 'choice')).toBe(true);
  });

  it('marks a working group as such', async () => {
    const said = await (await setup()).say('I want to help with dynamic resource allocation and GPUs, which group?');
    expect(said.text).toContain('Device Management (wg-device-management · working group)');
  });

  it('shows the one group someone names, instead of a ranking', async () => {
    const said = await (await setup()).say('I would like to join SIG Docs');
    expect(said.text).toContain('Docs (sig-docs, special interest group)');
    expect(said.text).not.toContain('fit best');
  });

  it('says so when nothing in the words points to a group, and offers the list', async () => {
    const said = await (await setup()).command('sig', 'cooking and gardening');
    expect(said.text).toContain('could not match your words');
    expect(said.replies[0]!.blocks.some((b) => b.type === 'choice')).toBe(true);
  });

  it('answers in French', async () => {
    const said = await (await setup()).say('Je connais le Go et le réseau, quel SIG me conseillez-vous ?');
    expect(said.text).toContain('Pourquoi : vous avez parlé de réseau');
    expect(said.text).toContain('Présentez-vous dans #sig-network');
  });
});

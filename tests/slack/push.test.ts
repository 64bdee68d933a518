import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { text } from '../../src/core/blocks.js';
import { escapeMarkup } from '../../src/core/markup.js';
import { ANY_WORKSPACE, type Destination } from '../../src/core/types.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ adapter: { push: { attempts: 2 } } });
});
afterAll(async () => h?.close());

const digest = { blocks: [text('**Your weekly digest**: 3 new issues')] };
const channel = (channelId: string, workspaceId = 'T0TEST'): Destination => ({ platform: 'slack', workspaceId, kind: 'channel', channelId });

describe('Slack push posts (digests, reminders)', () => {
  it('posts to a channel by id, without link previews, and returns the message id', async () => {
    const result = await h.adapter.post(channel('C0NEWBIE1'), digest);
    expect(result).toMatchObject({ ok: true, messageId: expect.stringMatching(/^\d+\.\d+$/) });
    const [post] = h.fake.of('chat.postMessage').filter((c) => c.body.channel === 'C0NEWBIE1');
    expect(String(post!.body.text)).toMatch(/Your weekly digest/);
    expect(post!.body.unfurl_links).toBe('false');
  });

  it('finds a channel named in content, and says so when none has that name', async () => {
    expect(await h.adapter.post(channel('sig-network', ANY_WORKSPACE), digest)).toMatchObject({ ok: true });
    expect(h.fake.of('chat.postMessage').some((c) => c.body.channel === 'C0NETWORK')).toBe(true);
    expect(await h.adapter.post(channel('#sig-nowhere', ANY_WORKSPACE), digest)).toEqual({ ok: false, error: 'channel_not_found' });
  });

  it('sends a person a DM through the app’s Messages tab', async () => {
    expect(await h.adapter.post({ platform: 'slack', workspaceId: 'T0TEST', kind: 'user', userId: 'U0GRACE' }, digest)).toMatchObject({ ok: true });
    expect(h.fake.of('chat.postMessage').some((c) => c.body.channel === 'U0GRACE')).toBe(true);
  });

  it('refuses another workspace or platform, and reports Slack’s own error', async () => {
    expect(await h.adapter.post(channel('C0NEWBIE1', 'T0OTHER'), digest)).toEqual({ ok: false, error: 'wrong_workspace' });
    expect(await h.adapter.post({ ...channel('C0NEWBIE1'), platform: 'discord' }, digest)).toEqual({ ok: false, error: 'wrong_platform' });
    expect(await h.adapter.post(channel('C0NOTIN'), digest)).toEqual({ ok: false, error: 'not_in_channel' });
  });

  it('posts at most one message per second in a channel', async () => {
    const [a, b] = await Promise.all([h.adapter.post(channel('C0PACE01'), digest), h.adapter.post(channel('C0PACE01'), digest)]);
    expect(a.ok && b.ok).toBe(true);
    const [first, second] = h.fake.of('chat.postMessage').filter((c) => c.body.channel === 'C0PACE01');
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it('waits out a 429 before trying again, and gives the wait back when Slack keeps refusing', async () => {
    h.fake.rateLimit('chat.postMessage', 1, 1);
    expect(await h.adapter.post(channel('C0RATE01'), digest)).toMatchObject({ ok: true });
    const [refused, accepted] = h.fake.of('chat.postMessage').filter((c) => c.body.channel === 'C0RATE01');
    expect(accepted!.at - refused!.at).toBeGreaterThanOrEqual(950);

    h.fake.rateLimit('chat.postMessage', 1, 5);
    expect(await h.adapter.post(channel('C0RATE02'), digest)).toEqual({ ok: false, error: 'ratelimited', retryAfterMs: 1000 });
    h.fake.rateLimit('chat.postMessage', 1, 0);
  });

  it('delivers a huge reply, trimmed to what Slack accepts across blocks, instead of failing it', async () => {
    const answer = Array.from({ length: 50 }, (_, i) => `**Question ${i}**: ${'Read [the guide](https://k8s.dev/guide) and ask in #sig-contribex. '.repeat(40)}`);
    expect(await h.adapter.post(channel('C0HUGE01'), { blocks: [text(answer.join('\n\n'))] })).toMatchObject({ ok: true });
    const [post] = h.fake.of('chat.postMessage').filter((c) => c.body.channel === 'C0HUGE01');
    expect(JSON.stringify(post!.body.blocks)).toMatch(/… \(\+\d+\)/);
  });

  it('escapes what it pushes like everything else', async () => {
    await h.adapter.post(channel('C0HOSTILE'), { blocks: [text(`New: ${escapeMarkup('<!channel> fix @here <@U0ADA>')}`)] });
    const [post] = h.fake.of('chat.postMessage').filter((c) => c.body.channel === 'C0HOSTILE');
    const shown = JSON.stringify([post!.body.text, post!.body.blocks]);
    expect(shown).not.toMatch(/<[!@]/);
    expect(shown).not.toMatch(/@(here|channel)/);
  });
});

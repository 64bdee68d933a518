import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { text } from '../../src/core/blocks.js';
import { escapeMarkup } from '../../src/core/markup.js';
import { ANY_WORKSPACE, type Destination } from '../../src/core/types.js';
import { weeklyDigest } from '../../src/jobs/weekly-digest.js';
import { createFakeIssues, issue } from '../fakes/digest-issues.js';
import { createVirtualClock } from '../fakes/virtual-clock.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
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

  it('reports a 429 at once with Slack’s wait, after one attempt, and holds nothing back afterwards', async () => {
    h.fake.rateLimit('chat.postMessage', 120, 1);
    expect(await h.adapter.post(channel('C0RATE01'), digest)).toEqual({ ok: false, error: 'ratelimited', retryAfterMs: 120_000 });
    expect(h.fake.of('chat.postMessage').filter((c) => c.body.channel === 'C0RATE01')).toHaveLength(1);
    // Waiting is the caller's: the adapter keeps no pause of its own to add to it.
    expect(await h.adapter.post(channel('C0RATE01'), digest)).toMatchObject({ ok: true });
  });

  it('leaves the wait to the weekly digest, which waits as Slack asked and then delivers once', async () => {
    const clock = createVirtualClock(new Date('2026-11-30T09:00:00Z'));
    const issues = createFakeIssues([issue(42, ['sig-network'], new Date('2026-11-29T09:00:00Z'))]);
    const before = h.fake.of('chat.postMessage').filter((c) => c.body.channel === 'C0NETWORK').length;
    h.fake.rateLimit('chat.postMessage', 30, 1);
    const report = await weeklyDigest(h.booted.deps, { issues, clock, post: h.adapter.post.bind(h.adapter), platforms: ['slack'] });
    expect(report.ran.sent).toBe(1);
    expect(h.fake.of('chat.postMessage').filter((c) => c.body.channel === 'C0NETWORK').length - before).toBe(2); // refused, then sent
    expect(clock.sleeps).toContain(30_000); // the digest's pacer did the waiting
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

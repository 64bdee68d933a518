// Slack push posts for digests and reminders: channels and DMs, errors, 429s, and uncertain sends never retried.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxClients } from '../../adapters/slack/clients.js';
import { createBoltLogger } from '../../adapters/slack/log.js';
import { createPushPoster } from '../../adapters/slack/push.js';
import { createSilentLogger } from '../../src/log.js';
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
const channel = (channelId: string, workspaceId = 'T0TEST'): Destination => ({
  platform: 'slack',
  workspaceId,
  kind: 'channel',
  channelId,
});

describe('Slack push posts (digests, reminders)', () => {
  it('posts to a channel by id, without link previews, and returns the message id', async () => {
    const result = await h.outbox.post(channel('C0NEWBIE1'), digest);
    expect(result).toMatchObject({ ok: true, messageId: expect.stringMatching(/^\d+\.\d+$/) });
    const [post] = h.fake.of('chat.postMessage').filter((c) => c.body.channel === 'C0NEWBIE1');
    expect(String(post!.body.text)).toMatch(/Your weekly digest/);
    expect(post!.body.unfurl_links).toBe('false');
  });

  it('finds a channel named in content, and says so when none has that name', async () => {
    expect(await h.outbox.post(channel('sig-network', ANY_WORKSPACE), digest)).toMatchObject({ ok: true });
    expect(h.fake.of('chat.postMessage').some((c) => c.body.channel === 'C0NETWORK')).toBe(true);
    expect(await h.outbox.post(channel('#sig-nowhere', ANY_WORKSPACE), digest)).toEqual({
      ok: false,
      error: 'channel_not_found',
    });
  });

  it('sends a person a DM through the app’s Messages tab', async () => {
    expect(
      await h.outbox.post({ platform: 'slack', workspaceId: 'T0TEST', kind: 'user', userId: 'U0GRACE' }, digest),
    ).toMatchObject({ ok: true });
    expect(h.fake.of('chat.postMessage').some((c) => c.body.channel === 'U0GRACE')).toBe(true);
  });

  it('refuses another workspace or platform, and reports Slack’s own error', async () => {
    expect(await h.outbox.post(channel('C0NEWBIE1', 'T0OTHER'), digest)).toEqual({
      ok: false,
      error: 'wrong_workspace',
    });
    expect(await h.outbox.post({ ...channel('C0NEWBIE1'), platform: 'discord' }, digest)).toEqual({
      ok: false,
      error: 'wrong_platform',
    });
    expect(await h.outbox.post(channel('C0NOTIN'), digest)).toEqual({ ok: false, error: 'not_in_channel' });
  });

  it('reports a 429 at once with Slack’s wait, after one attempt, and holds nothing back afterwards', async () => {
    h.fake.rateLimit('chat.postMessage', 120, 1);
    expect(await h.outbox.post(channel('C0RATE01'), digest)).toEqual({
      ok: false,
      error: 'ratelimited',
      retryAfterMs: 120_000,
    });
    expect(h.fake.of('chat.postMessage').filter((c) => c.body.channel === 'C0RATE01')).toHaveLength(1);
    // Waiting is the caller's: the adapter keeps no pause of its own to add to it.
    expect(await h.outbox.post(channel('C0RATE01'), digest)).toMatchObject({ ok: true });
  });

  it('never retries a post whose connection broke after sending: it may have been posted, so it is reported uncertain', async () => {
    h.fake.hangUp('chat.postMessage', 1);
    const result = await h.outbox.post(channel('C0HANGUP'), digest);
    expect(result).toMatchObject({ ok: false, uncertain: true, error: 'request_failed: UND_ERR_SOCKET' });
    expect(h.fake.of('chat.postMessage').filter((c) => c.body.channel === 'C0HANGUP')).toHaveLength(1);
  });

  it('reports a 5xx (Slack read the request) as uncertain, and a post is still tried only once', async () => {
    h.fake.failWith('chat.postMessage', 503, 1);
    expect(await h.outbox.post(channel('C0FIVEXX'), digest)).toEqual({ ok: false, error: 'http_503', uncertain: true });
    expect(h.fake.of('chat.postMessage').filter((c) => c.body.channel === 'C0FIVEXX')).toHaveLength(1);
  });

  it('reports a refused connection as a plain failure: nothing was sent, so a later run may try again', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const post = createPushPoster(
      createOutboxClients('xoxb-test', `http://127.0.0.1:${port}/api/`, createBoltLogger(createSilentLogger())).push,
    );
    expect(await post('C0NEWBIE1', { text: 'digest', blocks: [] })).toEqual({
      ok: false,
      error: 'request_failed: ECONNREFUSED',
    });
  });

  it('marks such a digest uncertain and does not send it again in a later run that week', async () => {
    const clock = createVirtualClock(new Date('2026-12-07T09:00:00Z'));
    const issues = createFakeIssues([issue(43, ['sig-network'], new Date('2026-12-06T09:00:00Z'))]);
    const sent = () => h.fake.of('chat.postMessage').filter((c) => c.body.channel === 'C0NETWORK').length;
    const before = sent();
    h.fake.hangUp('chat.postMessage', 1);
    const job = { issues, clock, post: h.outbox.post.bind(h.outbox), platforms: ['slack' as const] };
    expect((await weeklyDigest(h.booted.deps, job)).ran).toMatchObject({ uncertain: 1, sent: 0 });
    clock.set(new Date('2026-12-07T10:00:00Z'));
    expect((await weeklyDigest(h.booted.deps, job)).ran).toMatchObject({ uncertain: 0, sent: 0, failed: 0 });
    expect(sent() - before).toBe(1);
  });

  it('leaves the wait to the weekly digest, which waits as Slack asked and then delivers once', async () => {
    const clock = createVirtualClock(new Date('2026-11-30T09:00:00Z'));
    const issues = createFakeIssues([issue(42, ['sig-network'], new Date('2026-11-29T09:00:00Z'))]);
    const before = h.fake.of('chat.postMessage').filter((c) => c.body.channel === 'C0NETWORK').length;
    h.fake.rateLimit('chat.postMessage', 30, 1);
    const report = await weeklyDigest(h.booted.deps, {
      issues,
      clock,
      post: h.outbox.post.bind(h.outbox),
      platforms: ['slack'],
    });
    expect(report.ran.sent).toBe(1);
    expect(h.fake.of('chat.postMessage').filter((c) => c.body.channel === 'C0NETWORK').length - before).toBe(2); // refused, then sent
    expect(clock.sleeps).toContain(30_000); // the digest's pacer did the waiting
  });

  it('delivers a huge reply, trimmed to what Slack accepts across blocks, instead of failing it', async () => {
    const answer = Array.from(
      { length: 50 },
      (_, i) =>
        `**Question ${i}**: ${'Read [the guide](https://k8s.dev/guide) and ask in #sig-contribex. '.repeat(40)}`,
    );
    expect(await h.outbox.post(channel('C0HUGE01'), { blocks: [text(answer.join('\n\n'))] })).toMatchObject({
      ok: true,
    });
    const [post] = h.fake.of('chat.postMessage').filter((c) => c.body.channel === 'C0HUGE01');
    expect(JSON.stringify(post!.body.blocks)).toMatch(/… \(\+\d+\)/);
  });

  it('escapes what it pushes like everything else', async () => {
    await h.outbox.post(channel('C0HOSTILE'), {
      blocks: [text(`New: ${escapeMarkup('<!channel> fix @here <@U0ADA>')}`)],
    });
    const [post] = h.fake.of('chat.postMessage').filter((c) => c.body.channel === 'C0HOSTILE');
    const shown = JSON.stringify([post!.body.text, post!.body.blocks]);
    expect(shown).not.toMatch(/<[!@]/);
    expect(shown).not.toMatch(/@(here|channel)/);
  });
});

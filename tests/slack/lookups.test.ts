// Slack lookups on their own client: a 429 on the channel list holds no chat answer and tells the digest to wait.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { text } from '../../src/core/blocks.js';
import { ANY_WORKSPACE, type Destination } from '../../src/core/types.js';
import { startHarness, type Harness } from './harness.js';
import { asJson, eventCallback, mention, send } from './payloads.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const digest = { blocks: [text('**Your weekly digest**: 3 new issues')] };
const sigNetwork: Destination = {
  platform: 'slack',
  workspaceId: ANY_WORKSPACE,
  kind: 'channel',
  channelId: 'sig-network',
};

describe('Slack lookups on a client of their own', () => {
  it('a 429 on the channel list holds no chat answer, and the digest is told how long to wait', async () => {
    const listed = h.fake.of('conversations.list').length; // the inbox resolved the newcomer channels at start
    h.fake.rateLimit('conversations.list', 30, 1); // Slack: ask again in 30 s
    const pushed = h.outbox.post(sigNetwork, digest);
    await h.fake.waitFor('conversations.list');

    // A mention arriving meanwhile is answered: the chat client's queue was never paused.
    const event = mention('how do I contribute?');
    await send(h.url, asJson(eventCallback(event)));
    const [answer] = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.thread_ts === event.ts);
    expect(String(answer!.body.text)).toMatch(/five steps/);

    const result = (await pushed) as { ok: false; error: string; retryAfterMs: number };
    expect(result).toMatchObject({ ok: false, error: 'ratelimited' });
    expect(result.retryAfterMs).toBeGreaterThan(1_000); // Slack's wait, not a default
    expect(result.retryAfterMs).toBeLessThanOrEqual(30_000);
    // Asked again within Slack's wait, the list is not requested again: the wait left is reported.
    const again = await h.outbox.post(sigNetwork, digest);
    expect(again).toMatchObject({ ok: false, error: 'ratelimited' });
    expect(h.fake.of('conversations.list').length - listed).toBe(1);
    expect(h.fake.of('chat.postMessage').some((c) => c.body.channel === 'C0NETWORK')).toBe(false);
  });
});

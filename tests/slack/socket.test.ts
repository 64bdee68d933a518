// Slack in Socket Mode against a fake: the app token, acknowledgements, answers, clicks, redeliveries dropped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { APP_TOKEN, blockAction, command, eventCallback, mention } from './payloads.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ socket: true, adapter: { lookupWaitMs: 60_000 } });
});
afterAll(async () => h?.close());

describe('Slack in Socket Mode', () => {
  it('opens the connection with the app token, not the bot token', async () => {
    const [open] = h.fake.of('apps.connections.open');
    expect(open!.token).toBe(APP_TOKEN);
    expect(h.fake.connected).toBe(1);
    expect(h.adapter.ready()).toBe(true); // Slack said hello on the socket
  });

  it('acknowledges an events_api envelope and answers the mention in its thread', async () => {
    const event = mention('how do I contribute?');
    await h.fake.sendEnvelope('events_api', eventCallback(event));
    const [post] = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.thread_ts === event.ts);
    expect(String(post!.body.text)).toMatch(/five steps/);
  });

  it('acknowledges a slash command before any work, then answers through its response_url', async () => {
    const release = h.fake.hold('users.info');
    // Resolves only when the adapter's acknowledgement arrives, while its first lookup is still held.
    await h.fake.sendEnvelope(
      'slash_commands',
      command('/sig', '', h.fake.responseUrl('socket-sig'), { user: 'U0GRACE' }),
    );
    expect(h.fake.calls.some((c) => c.responseId === 'socket-sig')).toBe(false);
    release();
    const [answer] = await h.fake.waitFor((c) => c.responseId === 'socket-sig');
    expect(JSON.stringify(answer!.body.blocks)).toContain('static_select');
  });

  it('acknowledges a click and answers it', async () => {
    const click = blockAction(
      { action_id: 'sig.pick~0', selected: 'sig-storage' },
      { responseUrl: h.fake.responseUrl('socket-pick'), user: 'U0ADA' },
    );
    await h.fake.sendEnvelope('interactive', click);
    const [answer] = await h.fake.waitFor((c) => c.responseId === 'socket-pick');
    expect(JSON.stringify(answer!.body)).toMatch(/You joined \*Storage\*/);
  });

  it('drops a redelivered event (same event_id on a retry attempt)', async () => {
    const event = mention('how do I contribute?', { user: 'U0GRACE' });
    const delivery = eventCallback(event, 'EvSOCKETRETRY');
    await h.fake.sendEnvelope('events_api', delivery);
    await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.thread_ts === event.ts);
    await h.fake.sendEnvelope('events_api', delivery, { retry_attempt: 1, retry_reason: 'timeout' });
    await h.adapter.settled();
    expect(h.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.body.thread_ts === event.ts)).toHaveLength(
      1,
    );
  });
});

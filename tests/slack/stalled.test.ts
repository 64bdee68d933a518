// Slack over HTTP when the store or Slack misbehaves: a stalled replay record, a connection broken after sending.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { asForm, asJson, command, eventCallback, mention, send } from './payloads.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    // The replay record of signed requests never comes back, as with a stalled database.
    adapter: { seen: (id) => (id.startsWith('sig:') ? new Promise<boolean>(() => {}) : Promise.resolve(false)) },
  });
});
afterAll(async () => h?.close());

describe('Slack over HTTP when the store or Slack misbehaves', () => {
  it('still acknowledges and answers a command when the replay record stalls', async () => {
    const started = Date.now();
    const res = await send(h.url, asForm(command('/contribute', '', h.fake.responseUrl('stalled'))));
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2_500);
    const [answer] = await h.fake.waitFor((c) => c.responseId === 'stalled');
    expect(JSON.stringify(answer!.body)).toMatch(/five steps/);
  });

  it('does not post an answer again when the connection broke after sending it (it may be in the thread already)', async () => {
    h.fake.hangUp('chat.postMessage', 1);
    const event = mention('how do I contribute?');
    await send(h.url, asJson(eventCallback(event)));
    await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.thread_ts === event.ts);
    await h.adapter.settled();
    expect(h.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.body.thread_ts === event.ts)).toHaveLength(
      1,
    );
  });
});

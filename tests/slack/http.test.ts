import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Call } from './fake-slack.js';
import { startHarness, type Harness } from './harness.js';
import { asForm, asInteraction, asJson, blockAction, command, eventCallback, homeOpened, joined, mention, message, send } from './payloads.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

/** Everything a Slack call shows people, as one string: fallback text and every block. */
const shown = (c: Call) => JSON.stringify({ text: c.body.text, blocks: c.body.blocks, view: c.body.view });
const sendEvent = (event: Record<string, unknown>, eventId?: string, headers?: Record<string, string>) => send(h.url, asJson(eventCallback(event, eventId)), { ...(headers ? { headers } : {}) });

describe('Slack over HTTP', () => {
  it('answers a mention in the thread of the question, with the bot token and a text fallback', async () => {
    const event = mention('how do I contribute?');
    expect((await sendEvent(event)).status).toBe(200);
    const [post] = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.thread_ts === event.ts);
    expect(post!.token).toMatch(/^xoxb-/);
    expect(post!.body.channel).toBe('C0RANDOM1');
    expect(String(post!.body.text)).toMatch(/five steps/);
    expect(shown(post!)).toMatch(/contributor guide/i);
    expect(post!.body).not.toHaveProperty('link_names');
  });
});

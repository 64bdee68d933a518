// Probes share the Slack events port: extra routes answer beside /slack/events, and the inbox says when it is ready.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { asJson, eventCallback, mention, send } from './payloads.js';

let h: Harness;
/** What an ops module would add: readiness from the inbox, and a catch-all that must never take Slack's endpoint. */
const extraRoutes = (req: IncomingMessage, res: ServerResponse): boolean => {
  if (req.url === '/readyz') {
    res
      .writeHead(h.adapter.ready() ? 200 : 503, { 'content-type': 'text/plain' })
      .end(h.adapter.ready() ? 'ready' : 'not ready');
    return true;
  }
  if (req.url === '/slack/events') throw new Error('extra routes must not see Slack events');
  res.writeHead(204).end();
  return true;
};

beforeAll(async () => {
  h = await startHarness({ adapter: { extraRoutes } });
});
afterAll(async () => h?.close());

describe('Slack over HTTP: extra routes on the events port', () => {
  it('answers /readyz from the inbox, ready once it listens', async () => {
    const base = h.url.replace(/\/slack\/events$/, '');
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.text()).toBe('ready');
    expect((await fetch(`${base}/metrics`)).status).toBe(204);
  });

  it('leaves POST /slack/events to Slack, signed and answered as before', async () => {
    const event = mention('how do I contribute?');
    expect((await send(h.url, asJson(eventCallback(event)))).status).toBe(200);
    const [answer] = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.thread_ts === event.ts);
    expect(String(answer!.body.text)).toMatch(/five steps/);
  });

  it('is not ready once stopped', async () => {
    await h.adapter.stop();
    expect(h.adapter.ready()).toBe(false);
  });
});

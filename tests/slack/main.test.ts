// The onramp process with Slack: HTTP on PORT or Socket Mode, it answers, logs no secret, stops on SIGTERM.
import { createServer } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { startOnrampProcess, stopOnrampProcesses } from '../helpers/onramp-process.js';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import { APP_TOKEN, asJson, BOT_TOKEN, command, eventCallback, mention, send, SIGNING_SECRET } from './payloads.js';

let fake: FakeSlack | undefined;
afterEach(async () => {
  await stopOnrampProcesses();
  await fake?.close();
  fake = undefined;
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** `npm start` as an operator runs it, with Slack configured; resolves once it says it started. */
async function startOnramp(slackEnv: Record<string, string>) {
  fake = await startFakeSlack();
  fake.users.set('U0ADA', { name: 'Ada' });
  const run = await startOnrampProcess({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: fake.apiUrl, ...slackEnv });
  return {
    fake,
    out: {
      get logs() {
        return run.logs();
      },
    },
    stop: run.stop,
  };
}

it('the onramp process serves Slack over HTTP on PORT, answers, logs no secret, and stops on SIGTERM', async () => {
  const port = await freePort();
  const { fake, out, stop } = await startOnramp({ SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: String(port) });
  const event = mention('how do I contribute?');
  expect((await send(`http://127.0.0.1:${port}/slack/events`, asJson(eventCallback(event)))).status).toBe(200);
  const [post] = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.thread_ts === event.ts);
  expect(String(post!.body.text)).toMatch(/five steps/);
  expect(
    (await send(`http://127.0.0.1:${port}/slack/events`, asJson(eventCallback(event)), { signature: 'v0=forged' }))
      .status,
  ).toBe(401);
  expect(await stop()).toBe(0);
  expect(out.logs).toMatch(/"msg":"slack adapter started"/);
  for (const secret of [BOT_TOKEN, SIGNING_SECRET]) expect(out.logs).not.toContain(secret);
}, 90_000); // a whole process boots (content, understanding, database) on a shared machine

it('the onramp process uses Socket Mode when SLACK_APP_TOKEN is set', async () => {
  const { fake, out, stop } = await startOnramp({ SLACK_APP_TOKEN: APP_TOKEN });
  expect(fake.of('apps.connections.open')[0]!.token).toBe(APP_TOKEN);
  await fake.sendEnvelope('slash_commands', command('/contribute', '', fake.responseUrl('main-socket')));
  const [answer] = await fake.waitFor((c) => c.responseId === 'main-socket');
  expect(JSON.stringify(answer!.body)).toMatch(/five steps/);
  expect(await stop()).toBe(0);
  for (const secret of [BOT_TOKEN, APP_TOKEN, '/respond/']) expect(out.logs).not.toContain(secret);
}, 90_000);

// onramp's added latency on Slack: the real adapter and bot against a bare Bolt app that only echoes,
// both answering signed HTTP requests through the same fake Slack API in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { App, LogLevel } from '@slack/bolt';
import { createSlackInbox } from '../adapters/slack/index.js';
import { boot } from '../src/boot.js';
import { capabilities } from '../src/capabilities/index.js';
import { createBot } from '../src/wiring/bot.js';
import { createSilentLogger } from '../src/log.js';
import { startFakeSlack, type FakeSlack } from '../tests/slack/fake-slack.js';
import {
  asForm,
  asJson,
  BOT_TOKEN,
  BOT_USER,
  command,
  eventCallback,
  mention,
  send,
  SIGNING_SECRET,
} from '../tests/slack/payloads.js';
import { alternate, prefixed, type Bench } from './bench.js';
import { slackInboxOptions } from '../src/platforms.js';

const RUNS = Number(process.env.BENCH_SLACK_RUNS ?? 400);
const WARMUP = 40;

/** The baseline: Bolt with its default HTTP receiver, echoing mentions and commands, nothing else. */
async function startBareBolt(fake: FakeSlack): Promise<{ url: string; stop(): Promise<unknown> }> {
  const app = new App({
    token: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    botId: 'B0BOT',
    botUserId: BOT_USER,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: fake.apiUrl },
  });
  app.event('app_mention', async ({ event, client }) => {
    await client.chat.postMessage({ channel: event.channel, thread_ts: event.ts, text: event.text });
  });
  app.command(/.*/, async ({ ack, respond, command: c }) => {
    await ack();
    await respond({ response_type: 'ephemeral', text: c.text || 'echo' });
  });
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`, stop: () => app.stop() };
}

/** onramp as `npm start` runs it with Slack configured: SQLite file store, bundled content, the real adapter. */
async function startOnramp(fake: FakeSlack, dir: string) {
  const booted = await boot(
    {
      DATABASE_URL: `sqlite:${path.join(dir, 'bench.db')}`,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
    },
    { logLevel: 'silent' },
  );
  const log = createSilentLogger();
  booted.deps.log = log;
  const adapter = createSlackInbox({
    ...slackInboxOptions({ deps: booted.deps, db: booted.database.db }, BOT_TOKEN),
    port: 0,
    host: '127.0.0.1',
    log,
  });
  await adapter.start(createBot(booted.deps, capabilities).dispatch);
  return {
    url: `http://127.0.0.1:${adapter.port}/slack/events`,
    async stop() {
      await adapter.stop();
      await booted.close();
    },
  };
}

type Scenario = (fake: FakeSlack, url: string, i: number) => Promise<number>;

/** A mention, until the answer reaches chat.postMessage. */
const mentionRoundTrip: Scenario = async (fake, url, i) => {
  const event = mention('how do I contribute?', { user: `U0BENCH${i % 20}` });
  const started = process.hrtime.bigint();
  const answered = fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.thread_ts === event.ts);
  await send(url, asJson(eventCallback(event)));
  await answered;
  return Number(process.hrtime.bigint() - started) / 1e6;
};

/** A slash command, until the answer reaches its response_url. */
const commandRoundTrip: Scenario = async (fake, url, i) => {
  const id = `bench-${i}-${Math.random().toString(36).slice(2)}`;
  const started = process.hrtime.bigint();
  const answered = fake.waitFor((c) => c.responseId === id);
  await send(url, asForm(command('/contribute', '', fake.responseUrl(id), { user: `U0BENCH${i % 20}` })));
  await answered;
  return Number(process.hrtime.bigint() - started) / 1e6;
};

function compare(fake: FakeSlack, bare: string, onramp: string, scenario: Scenario) {
  return alternate(
    async (who, i) => {
      const ms = await scenario(fake, who === 'bare' ? bare : onramp, i);
      if (fake.calls.length > 5000) fake.calls.length = 0;
      return ms;
    },
    { runs: RUNS, warmup: WARMUP },
  );
}

export const slack: Bench = {
  name: 'slack: onramp vs bare Bolt echo (ms, HTTP, same fake Slack)',
  async run() {
    const fake = await startFakeSlack();
    for (let i = 0; i < 20; i++) fake.users.set(`U0BENCH${i}`, { name: `Bench ${i}` });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-bench-slack-'));
    const bare = await startBareBolt(fake);
    const onramp = await startOnramp(fake, dir);
    try {
      const m = await compare(fake, bare.url, onramp.url, mentionRoundTrip);
      const c = await compare(fake, bare.url, onramp.url, commandRoundTrip);
      return { runs: RUNS, ...prefixed('mention', m), ...prefixed('command', c) };
    } finally {
      await bare.stop();
      await onramp.stop();
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

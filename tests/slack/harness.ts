// Starts the real bot (boot, capabilities, store on a temp SQLite file) behind the real Slack inbox and outbox,
// with their Web API pointed at the fake Slack; the same wiring as src/main.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createSlackInbox,
  createSlackOutbox,
  type SlackInbox,
  type SlackInboxOptions,
} from '../../adapters/slack/index.js';
import { boot, type Booted } from '../../src/boot.js';
import { capabilities } from '../../src/capabilities/index.js';
import type { Capability } from '../../src/core/capability.js';
import { createBot } from '../../src/wiring/bot.js';
import { memoryLogger } from '../helpers/deps.js';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import { APP_TOKEN, BOT_TOKEN, SIGNING_SECRET } from './payloads.js';
import { slackInboxOptions, slackOutboxOptions } from '../../src/platforms.js';
import type { Outbox } from '../../src/core/types.js';

export interface Harness {
  fake: FakeSlack;
  /** The inbox (HTTP or Socket Mode). */
  adapter: SlackInbox;
  /** The outbox, built on its own as the jobs and the CLI build it. */
  outbox: Outbox;
  booted: Booted;
  /** The adapter's HTTP endpoint (HTTP mode). */
  url: string;
  logLines: Record<string, unknown>[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  socket?: boolean;
  env?: Record<string, string>;
  capabilities?: readonly Capability[];
  adapter?: Partial<SlackInboxOptions>;
}

export async function startHarness(o: HarnessOptions = {}): Promise<Harness> {
  const fake = await startFakeSlack();
  fake.users.set('U0ADA', { name: 'Ada' });
  fake.users.set('U0GRACE', { name: 'Grace' });
  fake.users.set('U0CAMILLE', { name: 'Camille', locale: 'fr-FR' });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-slack-'));
  const env = {
    DATABASE_URL: `sqlite:${path.join(dir, 'bot.db')}`,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: fake.apiUrl,
    ...(o.socket ? { SLACK_APP_TOKEN: APP_TOKEN } : { SLACK_SIGNING_SECRET: SIGNING_SECRET }),
    ...o.env,
  };
  const booted = await boot(env, { logLevel: 'silent' });
  const { log, lines } = memoryLogger();
  booted.deps.log = log;
  const adapter = await startAdapter(booted, o);
  return {
    fake,
    adapter,
    outbox: createSlackOutbox({ ...slackOutboxOptions({ deps: booted.deps }, BOT_TOKEN), log }),
    booted,
    url: `http://127.0.0.1:${adapter.port}/slack/events`,
    logLines: lines,
    async close() {
      await adapter.stop();
      await fake.close();
      await booted.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The inbox as src/main.ts builds it (slackInboxOptions), on a free local port, logging to the test's log. */
async function startAdapter(booted: Booted, o: HarnessOptions): Promise<SlackInbox> {
  const { deps } = booted;
  const adapter = createSlackInbox({
    ...slackInboxOptions({ deps, db: booted.database.db }, deps.config.SLACK_BOT_TOKEN!),
    port: 0,
    host: '127.0.0.1',
    log: deps.log,
    ...o.adapter,
  });
  await adapter.start(createBot(booted.deps, o.capabilities ?? capabilities).dispatch);
  return adapter;
}

/** Another replica behind the same load balancer: its own adapter and port, the same database and Slack. */
export async function startReplica(
  h: Harness,
  o: HarnessOptions = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const adapter = await startAdapter(h.booted, o);
  return { url: `http://127.0.0.1:${adapter.port}/slack/events`, close: () => adapter.stop() };
}

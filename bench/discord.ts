// onramp's added latency on Discord: the real adapter and bot against a bare discord.js client that only
// echoes, each logged in to its own instance of the same fake Discord (REST and gateway) in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, GatewayIntentBits, MessageFlags, Partials } from 'discord.js';
import { createDiscordInbox } from '../adapters/discord/index.js';
import { boot } from '../src/boot.js';
import { capabilities } from '../src/capabilities/index.js';
import { createBot } from '../src/wiring/bot.js';
import { createSilentLogger } from '../src/log.js';
import { startFakeDiscord, type FakeDiscord } from '../tests/discord/fake-discord.js';
import { createPeople } from '../tests/discord/people.js';
import { alternate, prefixed, type Bench } from './bench.js';
import { discordInboxOptions } from '../src/platforms.js';

const RUNS = Number(process.env.BENCH_DISCORD_RUNS ?? 300);
const WARMUP = 30;

/** The baseline: discord.js answering a mention with an echo, and a command with defer then edit. */
async function startBareClient(fake: FakeDiscord) {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    rest: { api: fake.apiUrl },
  });
  client.on('messageCreate', (m) => {
    if (!m.author.bot && m.mentions.users.has(client.user!.id)) void m.reply({ content: m.content.slice(0, 2000) });
  });
  client.on('interactionCreate', async (i) => {
    if (!i.isChatInputCommand()) return;
    await i.deferReply({ flags: MessageFlags.Ephemeral });
    await i.editReply({ content: 'echo' });
  });
  const ready = new Promise((r) => client.once('clientReady', r));
  await client.login(fake.token);
  await ready;
  return { stop: () => client.destroy() };
}

/** onramp as `npm start` runs it with Discord configured: SQLite file store, bundled content, the real adapter. */
async function startOnramp(fake: FakeDiscord, dir: string) {
  const booted = await boot(
    {
      DATABASE_URL: `sqlite:${path.join(dir, 'bench.db')}`,
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.appId,
      DISCORD_API_URL: fake.apiUrl,
    },
    { logLevel: 'silent' },
  );
  const log = createSilentLogger();
  booted.deps.log = log;
  const adapter = createDiscordInbox({
    ...discordInboxOptions({ deps: booted.deps, db: booted.database.db }, fake.token, fake.appId),
    log,
  });
  await adapter.start(createBot(booted.deps, capabilities).dispatch);
  return {
    async stop() {
      await adapter.stop();
      await booted.close();
    },
  };
}

type Scenario = (fake: FakeDiscord) => Promise<number>;

/** A mention in a channel, until the answer is posted there. */
const mentionRoundTrip: Scenario = async (fake) => {
  const started = process.hrtime.bigint();
  const people = createPeople(fake);
  const channel = fake.channels.general;
  const answered = fake.next((r) => r.method === 'POST' && r.path === `/channels/${channel}/messages`);
  people.say('how do I contribute?', { mention: true });
  await answered;
  return Number(process.hrtime.bigint() - started) / 1e6;
};

/** `/contribute`, until the deferred answer is edited in. */
const commandRoundTrip: Scenario = async (fake) => {
  const started = process.hrtime.bigint();
  const answered = fake.next((r) => r.method === 'PATCH' && r.path.endsWith('/messages/@original'));
  createPeople(fake).slash('contribute');
  await answered;
  return Number(process.hrtime.bigint() - started) / 1e6;
};

/**
 * discord.js holds every client to Discord's 50 requests per second (a second's budget spent, it waits
 * for the next): one round every 50 ms keeps both clients under it, so the figures measure the bots,
 * not the shared limit.
 */
const PACE_MS = 50;

function compare(bare: FakeDiscord, onramp: FakeDiscord, scenario: Scenario) {
  return alternate(
    async (who) => {
      const fake = who === 'bare' ? bare : onramp;
      const ms = await scenario(fake);
      if (fake.requests.length > 5000) fake.requests.length = 0;
      return ms;
    },
    { runs: RUNS, warmup: WARMUP, paceMs: PACE_MS },
  );
}

export const discord: Bench = {
  name: 'discord: onramp vs bare discord.js echo (ms, gateway event → answer at the fake REST)',
  async run() {
    const [bareFake, onrampFake] = [await startFakeDiscord(), await startFakeDiscord()];
    const dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-bench-discord-'));
    const bare = await startBareClient(bareFake);
    const onramp = await startOnramp(onrampFake, dir);
    try {
      const m = await compare(bareFake, onrampFake, mentionRoundTrip);
      const c = await compare(bareFake, onrampFake, commandRoundTrip);
      return { runs: RUNS, ...prefixed('mention', m), ...prefixed('command', c) };
    } finally {
      await bare.stop();
      await onramp.stop();
      await Promise.all([bareFake.close(), onrampFake.close()]);
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

// `npm run cli -- digest --send` posts to Slack and Discord through their outboxes alone: no receiver, no port, no gateway.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import { startFakeDiscord, type FakeDiscord } from '../discord/fake-discord.js';
import { cliRun } from '../helpers/cli.js';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack.js';

describe('npm run cli -- digest --send with Slack and Discord configured', () => {
  let dir: string;
  let slack: FakeSlack;
  let discord: FakeDiscord;
  let held: Server;
  let env: Record<string, string>;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-digest-send-'));
    const content = await loadContent({ dir: 'content' });
    slack = await startFakeSlack();
    content.sigs.forEach((s, i) => s.channels.slack && slack.channels.set(`C0SIG${i}`, s.channels.slack));
    discord = await startFakeDiscord({
      channels: content.sigs.flatMap((s) => (s.channels.discord ? [s.channels.discord] : [])),
    });
    // PORT is taken by the test itself: a Slack HTTP receiver started by the CLI could not listen, and the run would fail.
    held = createServer((_req, res) => res.writeHead(418).end());
    await new Promise<void>((r) => held.listen(0, '127.0.0.1', () => r()));
    env = {
      DATABASE_URL: `sqlite:${path.join(dir, 'bot.db')}`,
      ISSUES_SOURCE: 'sample', // the bundled sample stands in for GitHub: no network
      LOG_LEVEL: 'silent',
      PORT: String((held.address() as AddressInfo).port),
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'not-used',
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.appId,
      DISCORD_API_URL: discord.apiUrl,
    };
  });
  afterEach(async () => {
    await slack.close();
    await discord.close();
    await new Promise<void>((r) => held.close(() => r()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('posts each SIG channel its digest on both platforms once, with no receiver, port or gateway session', async () => {
    const run = await cliRun(['digest', '--send'], env);
    expect(run.err.join('\n')).not.toMatch(/not sent from here/);
    expect(run.code).toBe(0);

    // Slack: the digest of #sig-network, posted through the Web API.
    const network = new Set([...slack.channels].filter(([, name]) => name === 'sig-network').map(([id]) => id));
    const slackPost = slack.of('chat.postMessage').find((c) => network.has(String(c.body.channel)));
    expect(JSON.stringify(slackPost?.body.blocks)).toMatch(/Network/);
    // Discord: the same SIG's digest in its channel, posted over REST.
    const discordPost = discord.requests.find(
      (r) => r.method === 'POST' && r.path === `/channels/${discord.channels.sigNetwork}/messages`,
    );
    expect(discordPost?.status).toBe(200);
    expect(JSON.stringify(discordPost?.body)).toMatch(/Network/);
    expect(discordPost?.body.allowed_mentions).toEqual({ parse: [], replied_user: false });

    // Nothing that receives: no Socket Mode connection, no gateway asked for or opened.
    expect(slack.of('apps.connections.open')).toHaveLength(0);
    expect(discord.requests.filter((r) => r.path === '/gateway/bot')).toHaveLength(0);
    expect(discord.gatewayConnections).toBe(0);
    expect(discord.identify).toBeUndefined();

    // A second run posts nothing more on either platform: the ledger says every destination is done.
    const slackPosts = slack.of('chat.postMessage').length;
    const discordPosts = discord.requests.filter(
      (r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path),
    ).length;
    const again = await cliRun(['digest', '--send'], env);
    expect(again.code).toBe(0);
    expect(again.out.join('\n')).toMatch(/this run sent 0/);
    expect(slack.of('chat.postMessage')).toHaveLength(slackPosts);
    expect(
      discord.requests.filter((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path)),
    ).toHaveLength(discordPosts);
  });
});

// `npm run cli -- follow-ups --now` posts the due follow-ups to Slack and Discord through their outboxes, prints one
// line, and a second run at once sends nothing twice.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { createStore } from '../../src/store/store.js';
import { startFakeDiscord, type FakeDiscord } from '../discord/fake-discord.js';
import { cliRun } from '../helpers/cli.js';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack.js';

const DAY = 86_400_000;

describe('npm run cli -- follow-ups --now', () => {
  let dir: string;
  let slack: FakeSlack;
  let discord: FakeDiscord;
  let env: Record<string, string>;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-follow-ups-'));
    slack = await startFakeSlack();
    discord = await startFakeDiscord({ channels: [] });
    env = {
      DATABASE_URL: `sqlite:${path.join(dir, 'bot.db')}`,
      ISSUES_SOURCE: 'sample',
      LOG_LEVEL: 'silent',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'not-used',
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.appId,
      DISCORD_API_URL: discord.apiUrl,
    };
    // Two claims quiet for eight days (one on each platform), and a Slack newcomer waiting for a mentor.
    const database = await openDatabase(env.DATABASE_URL!);
    const store = createStore(database);
    const then = new Date(Date.now() - 8 * DAY);
    const issue = (n: number) => ({
      owner: 'kubernetes',
      repo: 'website',
      number: n,
      title: `Issue ${n}`,
      url: `https://github.com/kubernetes/website/issues/${n}`,
      sigId: 'sig-docs',
    });
    const ada = { platform: 'slack', workspaceId: 'T0TEST', userId: 'U0ADA' };
    const bo = { platform: 'discord', workspaceId: '100', userId: '2001' };
    const claimed = await store.claims.open(ada, issue(1), then);
    await store.claims.open(bo, issue(2), then);
    await store.mentors.join({ platform: 'slack', workspaceId: 'T0TEST', userId: 'U0MIA' }, 'sig-docs', then);
    if (claimed.kind === 'created')
      await store.mentors.request(
        {
          claimId: claimed.claim.id,
          issueKey: claimed.claim.key,
          groupId: 'sig-docs',
          newcomer: ada,
          newcomerName: 'Ada',
        },
        then,
      );
    await database.close();
  });
  afterEach(async () => {
    await slack.close();
    await discord.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends each due message once across two runs, on both platforms, and prints one summary line', async () => {
    const first = await cliRun(['follow-ups', '--now'], env);
    expect(first.code).toBe(0);
    expect(first.out).toHaveLength(1);
    expect(first.out[0]).toMatch(/^Follow-ups: .*2 reminder\(s\).*1 mentor\(s\) asked/);
    const slackPosts = () =>
      slack.of('chat.postMessage').map((c) => [String(c.body.channel), JSON.stringify(c.body.blocks)] as const);
    const discordPosts = () =>
      discord.requests.filter((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path));
    expect(
      slackPosts()
        .filter(([ch]) => ch === 'U0ADA')
        .map(([, b]) => b)
        .join(),
    ).toMatch(/How is it going/);
    expect(
      slackPosts()
        .filter(([ch]) => ch === 'U0MIA')
        .map(([, b]) => b)
        .join(),
    ).toMatch(/mentor\.accept/);
    expect(discordPosts()).toHaveLength(1);
    const sent = { slack: slackPosts().length, discord: discordPosts().length };

    const second = await cliRun(['follow-ups', '--now'], env);
    expect(second.code).toBe(0);
    expect(second.out[0]).toMatch(
      /^Follow-ups: 0 pull request\(s\) noticed, 0 nudge\(s\), 0 merge\(s\) celebrated, 0 reminder\(s\)/,
    );
    expect({ slack: slackPosts().length, discord: discordPosts().length }).toEqual(sent);
  });

  it('refuses without --now', async () => {
    expect((await cliRun(['follow-ups'], env)).code).toBe(2);
  });
});

// npm run cli -- digest: --dry-run prints each destination's digest, --send posts once through Slack and never twice.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import { loadContent } from '../../src/content/load.js';
import { openDatabase } from '../../src/store/database.js';
import { createStore } from '../../src/store/store.js';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack.js';

function io(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { env, out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

describe('npm run cli -- digest', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-digest-cli-'));
    // The bundled sample stands in for GitHub: no network, and every issue in it is claimable.
    env = { DATABASE_URL: `sqlite:${path.join(dir, 'bot.db')}`, ISSUES_SOURCE: 'sample', LOG_LEVEL: 'silent' };
    const database = await openDatabase(env.DATABASE_URL!);
    const store = createStore(database);
    const ada = { platform: 'slack', workspaceId: 'T0TEST', userId: 'U0ADA' };
    await store.subscriptions.add(ada, 'sig-docs', new Date());
    await store.users.setLocale(ada, 'fr', new Date());
    await store.digests.setDm(ada, true, new Date());
    await database.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('asks for exactly one of --dry-run and --send', async () => {
    for (const args of [['digest'], ['digest', '--dry-run', '--send'], ['digest', '--now']]) {
      const run = io(env);
      expect(await runCli(args, run.io)).toBe(2);
      expect(run.err.join('\n')).toMatch(/digest --dry-run \| --send/);
    }
  });

  it('--send with no platform configured says nothing can be sent, and records nothing', async () => {
    const run = io(env);
    expect(await runCli(['digest', '--send'], run.io)).toBe(1);
    expect(run.err[0]).toMatch(/Nothing can be sent: no chat platform is configured/);
    const database = await openDatabase(env.DATABASE_URL!);
    const rows = await createStore(database).digests.lastCutoffs();
    await database.close();
    expect(rows.size).toBe(0);
  });

  it('--dry-run prints what each destination would get, in its language, and sends nothing', async () => {
    const run = io(env);
    expect(await runCli(['digest', '--dry-run'], run.io)).toBe(0);
    const text = run.out.join('\n');
    expect(text).toMatch(
      /^Weekly digest \d{4}-W\d{2} \(DIGEST_TIMEZONE=UTC\): a preview, nothing is sent or recorded\./,
    );
    expect(text).toMatch(/No chat platform is configured: showing what Slack and Discord would get/);
    expect(text).toMatch(/== Slack #sig-docs \(channel, en\): would get:\nReady for you in Docs/);
    expect(text).toMatch(/== Discord #sig-docs \(channel, en\): would get:/);
    expect(text).toMatch(
      /== Slack direct message to U0ADA in T0TEST \(fr\): would get:\nVotre premier résumé hebdomadaire/,
    );
    expect(text).toMatch(/== Slack #sig-etcd \(channel, en\): nothing new: no message/);
    expect(text).toMatch(/\d+ destinations: \d+ would get a digest now/);
  });

  describe('--send with Slack configured', () => {
    let slack: FakeSlack;
    beforeEach(async () => {
      slack = await startFakeSlack();
      const content = await loadContent({ dir: 'content' });
      content.sigs.forEach((s, i) => s.channels.slack && slack.channels.set(`C0SIG${i}`, s.channels.slack));
      Object.assign(env, {
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 'not-used',
        SLACK_API_URL: slack.apiUrl,
      });
    });
    afterEach(async () => slack.close());

    it("posts this week's digests through the Slack adapter once, and a second --send posts nothing", async () => {
      const first = io(env);
      expect(await runCli(['digest', '--send'], first.io)).toBe(0);
      expect(first.out.join('\n')).toMatch(
        /: done; this run sent \d+\. This week so far: \d+ sent, \d+ had nothing new\./,
      );
      const posts = slack.of('chat.postMessage');
      const byChannel = new Map(posts.map((c) => [String(c.body.channel), c]));
      expect(byChannel.size).toBe(posts.length);
      const docs = [...slack.channels].find(([, name]) => name === 'sig-docs')![0];
      expect(String(byChannel.get(docs)?.body.text ?? JSON.stringify(byChannel.get(docs)?.body.blocks))).toMatch(
        /Docs/,
      );
      // The DM goes to the person, in French, with the claim buttons.
      const dm = byChannel.get('U0ADA')!;
      expect(JSON.stringify(dm.body.blocks)).toMatch(/Votre premier résumé hebdomadaire/);
      expect(JSON.stringify(dm.body.blocks)).toMatch(/Je veux m'en occuper/);
      // Slack was never asked to open a Socket Mode connection from the CLI.
      expect(slack.of('apps.connections.open')).toHaveLength(0);

      const second = io(env);
      expect(await runCli(['digest', '--send'], second.io)).toBe(0);
      expect(slack.of('chat.postMessage')).toHaveLength(posts.length);
      expect(second.out.join('\n')).toMatch(/this run sent 0/);
    });
  });
});

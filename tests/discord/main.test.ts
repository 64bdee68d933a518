import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from './fake-discord.js';
import { createPeople, grace } from './people.js';

let child: ChildProcess | undefined;
let fake: FakeDiscord | undefined;
let dir: string | undefined;
afterEach(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((r) => child!.once('exit', r));
  }
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  child = fake = dir = undefined;
});

it('the onramp process starts Discord when configured, answers, logs no token, and stops on SIGTERM', async () => {
  fake = await startFakeDiscord();
  dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-discord-main-'));
  const env = {
    ...process.env,
    DATABASE_URL: `sqlite:${path.join(dir, 'bot.db')}`,
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.appId,
    DISCORD_API_URL: fake.apiUrl,
    ISSUES_SOURCE: 'sample', // nothing beyond 127.0.0.1
    LOG_LEVEL: 'info',
  };
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child = proc;
  let logs = '';
  proc.stdout!.on('data', (c: Buffer) => (logs += c));
  proc.stderr!.on('data', (c: Buffer) => (logs += c));
  await new Promise<void>((resolve, reject) => {
    const check = setInterval(() => logs.includes('onramp started') && (clearInterval(check), resolve()), 20);
    proc.once('exit', (code) => (clearInterval(check), reject(new Error(`onramp exited (${code}):\n${logs}`))));
  });

  const people = createPeople(fake);
  const answered = fake.next((r) => r.method === 'POST' && r.path === `/channels/${fake!.channels.general}/messages`);
  people.say('how do I contribute?', { mention: true });
  expect((await answered).body.content).toMatch(/five steps/);
  // Someone else, whose Discord is in French (the first person just wrote in English, which now wins).
  const i = people.slash('sig', {}, { locale: 'fr', user: grace });
  const edited = await fake.next((r) => r.method === 'PATCH' && r.path.includes(i.token));
  expect(edited.body.content).toMatch(/groupes/);
  expect(fake.requests.filter((r) => r.method === 'PUT')).toEqual([]);

  const exited = new Promise<number | null>((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(logs).toMatch(/"msg":"discord connected"/);
  expect(logs).not.toContain(fake.token);
  expect(logs).not.toContain(i.token);
}, 90_000); // a whole process boots (content, understanding, database) on a shared machine

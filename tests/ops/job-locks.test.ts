// Crash-safe job locks on SQLite: a dead holder on this host is replaced at once; a live one is named.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { LEASE_MS, createJobLocks } from '../../src/store/job-locks.js';
import { startFakeSlack } from '../slack/fake-slack.js';

const now = new Date('2026-12-07T09:00:00Z');
const at = (ms: number) => () => new Date(now.getTime() + ms);

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid!;
}

describe('job locks on sqlite after a crash', () => {
  let dir: string;
  let database: Database;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-locks-'));
    database = await openDatabase(`sqlite:${path.join(dir, 'bot.db')}`);
  });
  afterEach(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const lease = (host: string, pid: number, since = now) =>
    database.db
      .insertInto('job_locks')
      .values({
        name: 'weekly-digest',
        owner: `${host}:${pid}:x`,
        host,
        pid,
        acquired_at: since.toISOString(),
        expires_at: new Date(since.getTime() + LEASE_MS).toISOString(),
      })
      .execute();

  it('takes over at once a lease whose holder was a process on this host that is gone', async () => {
    await lease(os.hostname(), deadPid());
    const locks = createJobLocks(database.db, 'sqlite');
    expect(await locks.withLock('weekly-digest', at(1000), async () => 'ran')).toEqual({ locked: true, value: 'ran' });
  });

  it('waits for a lease held on another host, and says who holds it, since when, and until when', async () => {
    await lease('replica-b', deadPid());
    const locks = createJobLocks(database.db, 'sqlite');
    const refused = await locks.withLock('weekly-digest', at(1000), async () => 'ran');
    expect(refused).toMatchObject({
      locked: false,
      holder: { host: 'replica-b', since: now, expires: new Date(now.getTime() + LEASE_MS) },
    });
    expect(await locks.withLock('weekly-digest', at(LEASE_MS + 1000), async () => 'ran')).toEqual({
      locked: true,
      value: 'ran',
    });
  });

  it('keeps a lease whose holder on this host is still running', async () => {
    await lease(os.hostname(), process.ppid);
    const locks = createJobLocks(database.db, 'sqlite');
    expect(await locks.withLock('weekly-digest', at(1000), async () => 'ran')).toMatchObject({
      locked: false,
      holder: { pid: process.ppid },
    });
  });

  it('digest --send, refused, names the holder, since when and when its lease expires', async () => {
    // The CLI runs on the wall clock: a lease taken a minute ago is still current.
    const since = new Date(Date.now() - 60_000);
    await lease('replica-b', 4242, since);
    const slack = await startFakeSlack();
    try {
      const err: string[] = [];
      const env = {
        DATABASE_URL: `sqlite:${path.join(dir, 'bot.db')}`,
        ISSUES_SOURCE: 'sample',
        LOG_LEVEL: 'silent',
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 'not-used',
        SLACK_API_URL: slack.apiUrl,
      };
      const code = await runCli(['digest', '--send'], { env, out: () => {}, err: (l: string) => err.push(l) });
      expect(code).toBe(1);
      expect(err.join('\n')).toMatch(/^Another runner is sending the \d{4}-W\d{2} digest right now \(/);
      expect(err.join('\n')).toContain(
        `(process 4242 on replica-b holds it since ${since.toISOString()}; ` +
          `its lease expires at ${new Date(since.getTime() + LEASE_MS).toISOString()} unless it is renewed)`,
      );
    } finally {
      await slack.close();
    }
  });
});

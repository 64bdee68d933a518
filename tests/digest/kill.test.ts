// A digest run killed mid-send finishes in the next run without anyone getting a second digest.
import { spawn } from 'node:child_process';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { destinationKey } from '../../src/digest/destinations.js';
import { weeklyDigest } from '../../src/jobs/weekly-digest.js';
import { createStore } from '../../src/store/store.js';
import { createFakeIssues } from '../fakes/digest-issues.js';
import { createVirtualClock } from '../fakes/virtual-clock.js';
import { openTestDatabase } from '../helpers/database.js';
import { testDeps } from '../helpers/deps.js';
import { ISSUES, NOW, content } from './fixtures/crash-world.js';
import { person } from './helpers.js';

describe('weekly digest when the process is killed mid-send', () => {
  it('finishes when rerun at once, without sending anyone a second digest', async () => {
    const db = await openTestDatabase('sqlite');
    const store = createStore(db);
    for (const id of ['U1', 'U2', 'U3']) {
      await store.subscriptions.add(person(id), 'sig-network', NOW);
      await store.digests.setDm(person(id), true, NOW);
    }
    // A chat platform that answers the first two posts and never the third: the bot is killed waiting.
    const received: string[] = [];
    const hung: ServerResponse[] = [];
    let third!: () => void;
    const thirdArrived = new Promise<void>((r) => (third = r));
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push(body);
        if (received.length === 3) {
          hung.push(res);
          third();
        } else res.end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/post`;
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'tests/digest/fixtures/crash-runner.ts'], {
        env: { ...process.env, DATABASE_URL: db.url, POST_URL: url },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (c) => (stderr += c));
      const exited = new Promise<string | null>((r) => child.on('exit', (_code, signal) => r(signal)));
      await Promise.race([
        thirdArrived,
        exited.then(() => Promise.reject(new Error(`runner exited early: ${stderr}`))),
      ]);
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      expect(received).toHaveLength(3);

      // Rerun at once, on the same host: the dead runner's lease is taken over without waiting for it to lapse.
      const deps = await testDeps({ content: await content(), store, now: () => NOW });
      const clock = createVirtualClock(new Date(NOW.getTime() + 1_000));
      const post = async (to: Parameters<typeof destinationKey>[0]) => {
        received.push(destinationKey(to));
        return { ok: true as const };
      };
      const report = await weeklyDigest(deps, { issues: createFakeIssues(ISSUES), clock, post, platforms: ['slack'] });
      expect(report).toMatchObject({
        status: 'done',
        ran: { interrupted: 1, sent: 3 },
        ledger: { sent: 5, uncertain: 1 },
      });
      const counts = new Map<string, number>();
      for (const key of received) counts.set(key, (counts.get(key) ?? 0) + 1);
      expect(counts.size).toBe(6);
      expect([...counts.values()]).toEqual([1, 1, 1, 1, 1, 1]);
    } finally {
      for (const res of hung) res.destroy();
      await new Promise((r) => server.close(r));
      await db.dispose();
    }
  }, 60_000);
});

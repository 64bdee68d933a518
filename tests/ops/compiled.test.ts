// The production start, rehearsed: `npm run build`, then `node dist/src/main.js` (no tsx) answers its probes and stops on SIGTERM.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGithub, type FakeGithub } from '../github/fake-github.js';

const ENTRY = 'dist/src/main.js';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts the compiled service and resolves once it says its probes are listening. */
async function startCompiled(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; port: number; exited: Promise<number | null> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [ENTRY, '--serve'], {
    env: { PATH: process.env.PATH!, LOG_LEVEL: 'info', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('probes and metrics listening')) resolve();
    });
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    void exited.then(() => reject(new Error(`the compiled service exited: ${out}`)));
  });
  return { child, port, exited };
}

/** Asks /readyz until it answers 200 (the test's time-out bounds it). */
async function untilReady(port: number): Promise<void> {
  for (;;) {
    if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the compiled service', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-compiled-'));
    execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'pipe' });
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds JavaScript for src and adapters, and content stays read from content/', () => {
    expect(existsSync(ENTRY)).toBe(true);
    expect(existsSync('dist/adapters/slack/index.js')).toBe(true);
    expect(existsSync('dist/src/store/migrations/008-job-locks.js')).toBe(true);
    expect(existsSync('dist/content/nlu/intent-model.json')).toBe(true);
  });

  it('answers /healthz, /readyz and /metrics with the sample index, and stops cleanly on SIGTERM', async () => {
    const { child, port, exited } = await startCompiled({
      DATABASE_URL: `sqlite:${path.join(dir, 'sample.db')}`,
      ISSUES_SOURCE: 'sample',
    });
    try {
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      await untilReady(port);
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toContain('# TYPE onramp_events_total counter');
      expect(metrics).toContain('process_resident_memory_bytes');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 60_000);

  it('stays unready, naming the issue index, while GitHub has not let it fill the index', async () => {
    const fake: FakeGithub = await startFakeGithub();
    // GitHub refuses the first searches: the index cannot be filled yet.
    fake.respond(
      (r) => r.path === '/search/issues',
      ...Array.from({ length: 3 }, () => ({ status: 422, body: { message: 'not now' } })),
    );
    const { child, port, exited } = await startCompiled({
      DATABASE_URL: `sqlite:${path.join(dir, 'github.db')}`,
      ISSUES_SOURCE: 'github',
      GITHUB_API_URL: fake.url,
      GITHUB_TOKEN: 'ghp_test',
    });
    try {
      const early = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(early.status).toBe(503);
      expect(await early.json()).toEqual({ ready: false, notReady: ['issue-index'] });
    } finally {
      child.kill('SIGTERM');
      await exited;
      await fake.close();
    }
  }, 60_000);
});

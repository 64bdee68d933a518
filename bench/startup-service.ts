// `npm run bench -- startup`: compiled onramp (node dist/src/main.js) from spawn to its first 200 on /readyz, and
// its RSS after a warm-up, beside a bare Bolt app measured in the same run (and the tsx start, for reference).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { round, type Bench } from './bench.js';

const RUNS = 5;
const WARMUP_REQUESTS = 300;

interface Subject {
  label: string;
  args: string[];
  env?: Record<string, string>;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resident memory of a process, from /proc (Linux) or ps. */
function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]!;
    return Number(kb) / 1024;
  } catch {
    return (
      Number(
        execFileSync('ps', ['-o', 'rss=', '-p', String(pid)])
          .toString()
          .trim(),
      ) / 1024
    );
  }
}

async function once(subject: Subject): Promise<{ readyMs: number; rssMb: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-bench-start-'));
  const port = await freePort();
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, subject.args, {
    env: {
      PATH: process.env.PATH!,
      PORT: String(port),
      DATABASE_URL: `sqlite:${path.join(dir, 'db.sqlite')}`,
      LOG_LEVEL: 'warn',
      ...subject.env,
    },
    stdio: 'ignore',
  });
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  const url = `http://127.0.0.1:${port}/readyz`;
  try {
    let readyMs = NaN;
    for (;;) {
      const status = await fetch(url).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) {
        readyMs = Number(process.hrtime.bigint() - started) / 1e6;
        break;
      }
      if (child.exitCode !== null) throw new Error(`${subject.label} exited before it was ready`);
      await new Promise((r) => setTimeout(r, 5));
    }
    // Warm-up: probes and scrapes as a cluster sends them, then a moment for the garbage collector.
    for (let i = 0; i < WARMUP_REQUESTS; i++) await fetch(url).then((r) => r.arrayBuffer());
    await new Promise((r) => setTimeout(r, 1000));
    return { readyMs, rssMb: rssMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export const startupService: Bench = {
  name: 'startup: node dist/src/main.js → first 200 on /readyz (sample index), RSS after warm-up, vs bare Bolt',
  async run() {
    if (process.env.BENCH_NO_BUILD !== '1') execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
    const sample = { ISSUES_SOURCE: 'sample' };
    const subjects: Subject[] = [
      { label: 'bare', args: ['bench/startup-bare-bolt.mjs'] },
      { label: 'onramp', args: ['dist/src/main.js', '--serve'], env: sample },
      { label: 'tsx', args: ['--import', 'tsx', 'src/main.ts', '--serve'], env: sample },
    ];
    const figures: Record<string, number[]> = {};
    // Interleaved, so a busy moment on the shared machine touches every subject alike.
    for (let i = 0; i < RUNS; i++)
      for (const s of subjects) {
        const r = await once(s);
        (figures[`${s.label}_ready_ms`] ??= []).push(r.readyMs);
        (figures[`${s.label}_rss_mb`] ??= []).push(r.rssMb);
      }
    const m = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, median(v)]));
    return {
      runs: RUNS,
      bare_ready_ms: round(m.bare_ready_ms!, 0),
      onramp_ready_ms: round(m.onramp_ready_ms!, 0),
      tsx_ready_ms: round(m.tsx_ready_ms!, 0),
      ready_ratio: round(m.onramp_ready_ms! / m.bare_ready_ms!, 2),
      bare_rss_mb: round(m.bare_rss_mb!, 0),
      onramp_rss_mb: round(m.onramp_rss_mb!, 0),
      tsx_rss_mb: round(m.tsx_rss_mb!, 0),
      rss_ratio: round(m.onramp_rss_mb! / m.bare_rss_mb!, 2),
    };
  },
};

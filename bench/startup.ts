// Measures the time from `npm start` (console mode) to the first reply on stdout.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { round, type Bench } from './bench.js';

function once(): Promise<number> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-bench-'));
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('npm', ['start', '--silent'], {
      env: { ...process.env, DATABASE_URL: `sqlite:${path.join(dir, 'db.sqlite')}` },
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    let seen = '';
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      // The echo comes first; the reply is what follows it.
      if (/^> .*\n.+/m.test(seen)) {
        resolve(Number(process.hrtime.bigint() - started) / 1e6);
        child.stdin.end();
      }
    });
    child.on('error', reject);
    child.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    child.stdin.write('how do I contribute?\n');
  });
}

export const startup: Bench = {
  name: 'npm start → first console reply',
  async run() {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) runs.push(await once());
    runs.sort((a, b) => a - b);
    return { runs: runs.length, median_ms: round(runs[1]!, 0), min_ms: round(runs[0]!, 0) };
  },
};

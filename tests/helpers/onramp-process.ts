// Runs `src/main.ts` as an operator would, in a folder of its own, and cleans up after each test.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface OnrampProcess {
  proc: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  logs(): string;
  /** SIGTERM, then its exit code. */
  stop(): Promise<number | null>;
}

const running = new Set<{ proc: ChildProcess; dir: string }>();

/** Starts onramp on a SQLite file of its own with `env` added; resolves once it says it started. */
export async function startOnrampProcess(env: Record<string, string>): Promise<OnrampProcess> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-main-'));
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: `sqlite:${path.join(dir, 'bot.db')}`,
      ISSUES_SOURCE: 'sample',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add({ proc, dir });
  let logs = '';
  proc.stdout!.on('data', (c: Buffer) => (logs += c));
  proc.stderr!.on('data', (c: Buffer) => (logs += c));
  await new Promise<void>((resolve, reject) => {
    const check = setInterval(() => logs.includes('onramp started') && (clearInterval(check), resolve()), 20);
    proc.once('exit', (code) => (clearInterval(check), reject(new Error(`onramp exited (${code}):\n${logs}`))));
  });
  return {
    proc,
    logs: () => logs,
    stop() {
      const exited = new Promise<number | null>((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      return exited;
    },
  };
}

/** For afterEach: stops what a test left running and removes its folders. */
export async function stopOnrampProcesses(): Promise<void> {
  for (const run of running) {
    if (run.proc.exitCode === null && run.proc.signalCode === null) {
      run.proc.kill('SIGTERM');
      await new Promise((r) => run.proc.once('exit', r));
    }
    rmSync(run.dir, { recursive: true, force: true });
    running.delete(run);
  }
}

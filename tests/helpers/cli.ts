// Runs the operator CLI in-process and captures what it prints, line by line.
import { runCli } from '../../src/cli/index.js';

export async function cliRun(args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { env, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

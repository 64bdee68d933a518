// The composition root: boots the core and starts the adapters the configuration asks for.
import { existsSync } from 'node:fs';
import { createConsoleAdapter } from '../adapters/console/index.js';
import { BootError, boot } from './boot.js';
import { capabilities } from './capabilities/index.js';
import { createBot } from './core/bot.js';
import type { ChatAdapter } from './core/types.js';

async function main(): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const env = { ...process.env };
  const consoleMode = !env.SLACK_BOT_TOKEN && !env.DISCORD_TOKEN;
  // In the console, stdout is the conversation: logs go to stderr and only warnings show by default.
  const booted = await boot(env, consoleMode ? { logFd: 2, logLevel: env.LOG_LEVEL || 'warn' } : {});
  const { deps } = booted;
  const bot = createBot(deps, capabilities);
  const adapters: ChatAdapter[] = [];

  if (consoleMode) {
    const adapter = createConsoleAdapter({ input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY) });
    adapters.push(adapter);
    await adapter.start(bot.dispatch);
    await adapter.done;
    await booted.close();
    return 0;
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    deps.log.info({ signal }, 'shutting down');
    await Promise.allSettled(adapters.map((a) => a.stop()));
    await booted.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  deps.log.error('no platform adapter is available yet for this configuration');
  return 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    if (err instanceof BootError) {
      for (const p of err.problems) process.stderr.write(`${p}\n`);
      process.stderr.write('onramp did not start: fix the lines above (see .env.example), then run `npm run cli -- check-config`.\n');
    } else {
      process.stderr.write(`onramp failed to start: ${(err as Error).stack ?? String(err)}\n`);
    }
    process.exitCode = 1;
  },
);

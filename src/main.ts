// The composition root: boots the core, starts the adapters the configuration asks for, and the jobs.
import { existsSync } from 'node:fs';
import { createConsoleAdapter } from '../adapters/console/index.js';
import { BootError, boot, type Booted } from './boot.js';
import { capabilities } from './capabilities/index.js';
import { createBot } from './wiring/bot.js';
import { createLookup } from './core/commands.js';
import type { ChatAdapter } from './core/types.js';
import type { Post } from './digest/deliver.js';
import { digestSchedule } from './jobs/digest-schedule.js';
import { funnelRetentionJob } from './jobs/funnel-retention.js';
import { leadNotesJob } from './jobs/lead-notes.js';
import { leadSources } from './wiring/ports.js';
import { issueJobs } from './jobs/issue-schedule.js';
import { createScheduler, type ScheduledJob } from './jobs/schedule.js';
import { platformAdapters } from './platforms.js';

function createPost(adapters: ChatAdapter[]): Post {
  return async (to, reply) => {
    const adapter = adapters.find((a) => a.platform === to.platform);
    return adapter ? adapter.post(to, reply) : { ok: false, error: `no ${to.platform} adapter is running` };
  };
}

/** Scheduled jobs (issue refresh, claim follow-ups, weekly digest add themselves here). */
function scheduledJobs(booted: Booted, post: Post): ScheduledJob[] {
  return [digestSchedule(booted, post), ...issueJobs(booted, post), funnelRetentionJob(booted), leadNotesJob(booted, post, leadSources(booted.deps))];
}

async function runConsole(booted: Booted): Promise<number> {
  const bot = createBot(booted.deps, capabilities);
  const adapter = createConsoleAdapter({
    input: process.stdin,
    output: process.stdout,
    interactive: Boolean(process.stdin.isTTY),
    say: createLookup(booted.deps.translator),
  });
  await adapter.start(bot.dispatch);
  await adapter.done;
  await booted.close();
  return 0;
}

async function runServer(booted: Booted): Promise<number> {
  const { deps } = booted;
  const bot = createBot(deps, capabilities);
  const adapters = platformAdapters(booted);
  if (adapters.length === 0) {
    deps.log.error('no platform adapter could be started for this configuration');
    await booted.close();
    return 1;
  }
  for (const adapter of adapters) await adapter.start(bot.dispatch);
  // Shutdown fits Kubernetes' 30 s grace period: jobs under way get 10 s (each is resumable), then the
  // adapters' answers under way get DRAIN_MS, then the store closes.
  const scheduler = createScheduler(scheduledJobs(booted, createPost(adapters)), deps.log, 10_000);
  deps.log.info({ platforms: adapters.map((a) => a.platform) }, 'onramp started');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    deps.log.info({ signal }, 'shutting down');
    await scheduler.stop();
    await Promise.allSettled(adapters.map((a) => a.stop()));
    await booted.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  return new Promise<number>(() => {}); // runs until a signal
}

async function main(): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const env = { ...process.env };
  const consoleMode = !env.SLACK_BOT_TOKEN && !env.DISCORD_TOKEN;
  // In the console, stdout is the conversation: logs go to stderr and only warnings show by default.
  const booted = await boot(env, consoleMode ? { logFd: 2, logLevel: env.LOG_LEVEL || 'warn' } : {});
  return consoleMode ? runConsole(booted) : runServer(booted);
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

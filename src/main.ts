// The composition root: boots the core, starts the inboxes the configuration asks for, and the jobs on its outboxes.
import { existsSync } from 'node:fs';
import { createConsoleInbox, createConsoleOutbox } from '../adapters/console/index.js';
import { BootError, boot, type Booted } from './boot.js';
import { capabilities } from './capabilities/index.js';
import { createBot } from './wiring/bot.js';
import { createLookup } from './core/commands.js';
import type { Outbox } from './core/types.js';
import type { Post } from './digest/deliver.js';
import { digestSchedule } from './jobs/digest-schedule.js';
import { funnelRetentionJob } from './jobs/funnel-retention.js';
import { leadNotesJob } from './jobs/lead-notes.js';
import { leadSources } from './wiring/ports.js';
import { issueJobs } from './jobs/issue-schedule.js';
import { createScheduler, type ScheduledJob } from './jobs/schedule.js';
import { starterSchedule } from './jobs/starter-post-schedule.js';
import { startOps } from './http/start.js';
import { instrumentJobs, instrumentPost } from './metrics/instrument.js';
import { createLateMetrics, type Metrics } from './metrics/port.js';
import { platformInboxes, platformOutboxes } from './platforms.js';

function createPost(outboxes: Outbox[]): Post {
  return async (to, reply) => {
    const outbox = outboxes.find((o) => o.platform === to.platform);
    return outbox ? outbox.post(to, reply) : { ok: false, error: `no ${to.platform} adapter is running` };
  };
}

/** Scheduled jobs (issue refresh, claim follow-ups, weekly digest, lead notes, funnel retention), counted in /metrics. */
function scheduledJobs(booted: Booted, post: Post, metrics: Metrics): ScheduledJob[] {
  const jobs = [
    digestSchedule(booted, instrumentPost(post, metrics, 'digest')),
    ...issueJobs(booted, instrumentPost(post, metrics, 'follow_up')),
    ...starterSchedule(booted, instrumentPost(post, metrics, 'starter_post')),
    funnelRetentionJob(booted),
    leadNotesJob(booted, instrumentPost(post, metrics, 'lead_note'), leadSources(booted.deps)),
  ];
  return instrumentJobs(jobs, metrics);
}

async function runConsole(booted: Booted): Promise<number> {
  // What the bot would send to someone else (a mentor asked for help) is shown in the same terminal.
  const outboxes = [createConsoleOutbox({ output: process.stdout, say: createLookup(booted.deps.translator) })];
  const bot = createBot({ ...booted.deps, outboxes }, capabilities);
  const adapter = createConsoleInbox({
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

async function runServer(
  booted: Booted,
  serveOnly = false,
  github?: ReturnType<typeof createLateMetrics>,
): Promise<number> {
  const { deps } = booted;
  // Chat answers that reach someone else (a mentor asked for help) post through the outboxes, as jobs do.
  const outboxes = await platformOutboxes(booted);
  const bot = createBot({ ...deps, outboxes }, capabilities);
  // Probes and metrics on PORT before the platforms connect, so a probe sees "starting" rather than nothing;
  // Slack over HTTP owns PORT and serves the same routes beside its events.
  const ops = await startOps(booted, capabilities);
  github?.attach(ops.metrics);
  const inboxes = await platformInboxes(booted, ops.handler, ops.metrics);
  if (inboxes.length === 0 && !serveOnly) {
    await ops.close();
    deps.log.error('no platform adapter could be started for this configuration');
    await booted.close();
    return 1;
  }
  ops.watch(inboxes);
  const dispatch = ops.instrument(bot.dispatch);
  for (const inbox of inboxes) {
    await inbox.start(dispatch);
    ops.started(inbox.platform);
  }
  // Shutdown fits Kubernetes' 30 s grace period: jobs under way get 10 s (each is resumable), then the
  // inboxes' answers under way get DRAIN_MS, then the store closes. Jobs post through the outboxes alone.
  const scheduler = createScheduler(scheduledJobs(booted, createPost(outboxes), ops.metrics), deps.log, 10_000);
  deps.log.info({ platforms: inboxes.map((a) => a.platform) }, 'onramp started');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    deps.log.info({ signal }, 'shutting down');
    await scheduler.stop();
    await Promise.allSettled(inboxes.map((a) => a.stop()));
    await ops.close();
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
  // `--serve`: a service even with no platform configured (probes, metrics, jobs): image smoke tests, the bench.
  const serveOnly = process.argv.includes('--serve');
  const consoleMode = !env.SLACK_BOT_TOKEN && !env.DISCORD_TOKEN && !serveOnly;
  // In the console, stdout is the conversation: logs go to stderr and only warnings show by default.
  // GitHub's client is built at boot and /metrics after it: its counts go through a port attached then.
  const github = createLateMetrics();
  const booted = await boot(env, consoleMode ? { logFd: 2, logLevel: env.LOG_LEVEL || 'warn' } : { metrics: github });
  return consoleMode ? runConsole(booted) : runServer(booted, serveOnly, github);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    if (err instanceof BootError) {
      for (const p of err.problems) process.stderr.write(`${p}\n`);
      process.stderr.write(
        'onramp did not start: fix the lines above (see .env.example), then run `npm run cli -- check-config`.\n',
      );
    } else {
      process.stderr.write(`onramp failed to start: ${(err as Error).stack ?? String(err)}\n`);
    }
    process.exitCode = 1;
  },
);

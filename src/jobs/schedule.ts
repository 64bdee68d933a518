// The only place node-cron is used: binds job functions to cron expressions in an explicit time zone.
import cron from 'node-cron';
import { createTracker } from '../core/tracker.js';
import type { Logger } from '../log.js';

export function isValidCron(expression: string): boolean {
  return cron.validate(expression);
}

export interface ScheduledJob {
  name: string;
  cron: string;
  timezone: string;
  run: () => Promise<unknown>;
}

export interface Scheduler {
  stop(): Promise<void>;
}

/** Kubernetes kills a pod 30 s after SIGTERM by default: a running job gets most of that to finish. */
const DEFAULT_GRACE_MS = 20_000;

/**
 * Each job runs with `noOverlap`, so a slow run is never doubled by the next tick. A failing run is
 * logged and does not stop the schedule; the jobs themselves are idempotent. `stop` waits (up to
 * `graceMs`) for runs under way, so a deploy does not cut a digest off between a post and its record.
 */
export function createScheduler(jobs: ScheduledJob[], log: Logger, graceMs = DEFAULT_GRACE_MS): Scheduler {
  const running = createTracker();
  const tasks = jobs.map((job) =>
    cron.schedule(
      job.cron,
      () => {
        return running.track(
          job
            .run()
            .then(() => undefined)
            .catch((err: unknown) => log.error({ err, job: job.name }, 'scheduled job failed')),
        );
      },
      { name: job.name, timezone: job.timezone, noOverlap: true },
    ),
  );
  return {
    async stop() {
      await Promise.all(tasks.map((t) => t.destroy()));
      if (!(await running.drain(graceMs))) log.warn('scheduled jobs still running at shutdown');
    },
  };
}

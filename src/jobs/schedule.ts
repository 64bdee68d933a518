// The only place node-cron is used: binds job functions to cron expressions in an explicit time zone.
import cron from 'node-cron';
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

/**
 * Each job runs with `noOverlap`, so a slow run is never doubled by the next tick. A failing run is
 * logged and does not stop the schedule; the jobs themselves are idempotent.
 */
export function createScheduler(jobs: ScheduledJob[], log: Logger): Scheduler {
  const tasks = jobs.map((job) =>
    cron.schedule(
      job.cron,
      async () => {
        try {
          await job.run();
        } catch (err) {
          log.error({ err, job: job.name }, 'scheduled job failed');
        }
      },
      { name: job.name, timezone: job.timezone, noOverlap: true },
    ),
  );
  return {
    async stop() {
      await Promise.all(tasks.map((t) => t.destroy()));
    },
  };
}

// Retention: funnel steps older than RETENTION_MONTHS become anonymous weekly counts, once a day.
import type { Booted } from '../boot.js';
import type { Log } from '../core/ports.js';
import type { FunnelRepo } from '../store/funnel.js';
import type { ScheduledJob } from './schedule.js';

export interface RetentionDeps {
  funnel: Pick<FunnelRepo, 'prune'>;
  retentionMonths: number;
  now: () => Date;
  log: Log;
}

/** The instant `months` calendar months before `now` (UTC); older steps are past retention. */
export function retentionCut(now: Date, months: number): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/** Returns how many rows were turned into counts; safe to run at any time, and again. */
export async function pruneFunnel(deps: RetentionDeps): Promise<number> {
  const cut = retentionCut(deps.now(), deps.retentionMonths);
  const pruned = await deps.funnel.prune(cut);
  if (pruned > 0)
    deps.log.info({ pruned, before: cut.toISOString() }, 'funnel steps past retention are now anonymous counts');
  return pruned;
}

export function funnelRetentionJob(booted: Booted): ScheduledJob {
  const { deps } = booted;
  const run = () =>
    pruneFunnel({
      funnel: deps.store.funnel,
      retentionMonths: deps.config.RETENTION_MONTHS,
      now: deps.now,
      log: deps.log,
    });
  return { name: 'funnel-retention', cron: '17 3 * * *', timezone: 'UTC', run };
}

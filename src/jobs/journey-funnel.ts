// The journey's pull-request steps in the newcomer funnel: opened, merged, and a second merged pull request.
import type { Log } from '../core/ports.js';
import type { FunnelRepo } from '../store/funnel.js';
import type { JourneyEvents } from './journey-prs.js';

/**
 * A merge that is not the person's first is their second contribution (the funnel keeps first times only).
 * Each merge arrives here once: the job calls it only after the congratulation was recorded as sent.
 * A failed write is logged and never stops the follow-ups.
 */
export function journeyFunnel(funnel: Pick<FunnelRepo, 'record'>, log: Log): JourneyEvents {
  const safely = async (step: string, write: () => Promise<unknown>) => {
    try {
      await write();
    } catch (err) {
      log.warn({ err, step }, 'funnel step not recorded');
    }
  };
  return {
    prOpened: (e) => safely('pr_opened', () => funnel.record(e.user, 'pr_opened', {}, e.at)),
    prMerged: (e) =>
      safely('pr_merged', async () => {
        const first = await funnel.record(e.user, 'pr_merged', {}, e.at);
        if (!first) await funnel.record(e.user, 'second_contribution', {}, e.at);
      }),
  };
}

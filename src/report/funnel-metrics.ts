// Funnel counters for the metrics endpoint: people per step, identified and anonymous together, and nothing else.
import type { FunnelRepo } from '../store/funnel.js';
import { FUNNEL_STEPS, type FunnelStep } from '../store/funnel-steps.js';

export interface FunnelCounter {
  /** The only label: one of the six step names, never a person, group text or message. */
  step: FunnelStep;
  value: number;
}

/** A gauge's samples, e.g. `onramp_funnel_people{step="claimed"} 12`: read at scrape time from the store. */
export async function funnelCounters(funnel: Pick<FunnelRepo, 'totals'>): Promise<FunnelCounter[]> {
  const totals = await funnel.totals();
  return FUNNEL_STEPS.map((step) => ({ step, value: totals[step] }));
}

export const FUNNEL_METRIC = {
  name: 'onramp_funnel_people',
  help: 'People who reached each newcomer funnel step at least once (erased and old steps counted anonymously)',
  labelNames: ['step'],
} as const;

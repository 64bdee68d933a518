// Funnel counters for /metrics: one sample per step, identified and anonymous people together, no personal data.
import { describe, expect, it } from 'vitest';
import { FUNNEL_METRIC, funnelCounters } from '../../src/report/funnel-metrics.js';
import { createMemoryFunnel } from '../fakes/memory-funnel.js';

describe('funnel counters', () => {
  it('counts people per step, keeps erased people as counts, and labels nothing but the step', async () => {
    const funnel = createMemoryFunnel();
    const at = new Date('2026-11-30T09:00:00Z');
    for (const userId of ['U1', 'U2', 'U3'])
      await funnel.record({ platform: 'slack', workspaceId: 'T1', userId }, 'first_contact', { language: 'en' }, at);
    await funnel.record({ platform: 'slack', workspaceId: 'T1', userId: 'U1' }, 'claimed', { group: 'sig-docs' }, at);
    await funnel.forget({ platform: 'slack', workspaceId: 'T1', userId: 'U1' });
    const counters = await funnelCounters(funnel);
    expect(counters).toEqual([
      { step: 'first_contact', value: 3 },
      { step: 'picked_group', value: 0 },
      { step: 'claimed', value: 1 },
      { step: 'pr_opened', value: 0 },
      { step: 'pr_merged', value: 0 },
      { step: 'second_contribution', value: 0 },
    ]);
    expect(JSON.stringify(counters)).not.toMatch(/U1|T1|slack|sig-docs/);
    expect(FUNNEL_METRIC.labelNames).toEqual(['step']);
  });
});

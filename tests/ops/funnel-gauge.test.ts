// /metrics carries the newcomer funnel: people per step, read from the store at scrape time, the step the only label.
import { describe, expect, it } from 'vitest';
import { createPromMetrics } from '../../src/http/prom-metrics.js';
import { funnelCounters } from '../../src/report/funnel-metrics.js';
import { createMemoryStore } from '../fakes/memory-store.js';

describe('the funnel gauge', () => {
  it('shows each step with its count and no person in any label', async () => {
    const store = createMemoryStore();
    const at = new Date('2026-11-02T10:00:00Z');
    const ada = { platform: 'slack', workspaceId: 'T1', userId: 'U-ADA' };
    const bo = { platform: 'discord', workspaceId: 'G1', userId: 'U-BO' };
    for (const who of [ada, bo]) await store.funnel.record(who, 'first_contact', { language: 'en' }, at);
    await store.funnel.record(ada, 'claimed', { language: 'en', group: 'sig-docs' }, at);
    const metrics = createPromMetrics({ processMetrics: false, funnel: () => funnelCounters(store.funnel) });
    const text = await metrics.render();
    expect(text).toContain('onramp_funnel_people{step="first_contact"} 2');
    expect(text).toContain('onramp_funnel_people{step="claimed"} 1');
    expect(text).toContain('onramp_funnel_people{step="pr_merged"} 0');
    expect(text).not.toMatch(/U-ADA|U-BO|sig-docs/);
  });
});

// Retention: funnel steps older than RETENTION_MONTHS become anonymous counts, day by day on a virtual clock.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { pruneFunnel, retentionCut } from '../../src/jobs/funnel-retention.js';
import { createMemoryFunnel } from '../fakes/memory-funnel.js';
import { memoryLogger, testConfig } from '../helpers/deps.js';

const ada = { platform: 'slack', workspaceId: 'T1', userId: 'U1' };
const bob = { platform: 'slack', workspaceId: 'T1', userId: 'U2' };

describe('funnel retention', () => {
  it('keeps RETENTION_MONTHS (24 unless set) in the configuration and in .env.example', () => {
    expect(testConfig().RETENTION_MONTHS).toBe(24);
    expect(testConfig({ RETENTION_MONTHS: '6' }).RETENTION_MONTHS).toBe(6);
    expect(readFileSync('.env.example', 'utf8')).toMatch(/^RETENTION_MONTHS=24$/m);
  });

  it('counts calendar months back', () => {
    expect(retentionCut(new Date('2026-12-08T05:00:00Z'), 24).toISOString()).toBe('2024-12-08T05:00:00.000Z');
  });

  it('turns each step into an anonymous count on the day it passes retention, and not before', async () => {
    const funnel = createMemoryFunnel();
    const { log } = memoryLogger();
    await funnel.record(ada, 'first_contact', { language: 'en' }, new Date('2024-12-01T09:00:00Z'));
    await funnel.record(ada, 'picked_group', { group: 'sig-docs', language: 'en' }, new Date('2024-12-10T09:00:00Z'));
    await funnel.record(bob, 'first_contact', { language: 'fr' }, new Date('2026-11-01T09:00:00Z'));
    let at = new Date('2026-11-30T10:00:00Z');
    const run = () => pruneFunnel({ funnel, retentionMonths: 24, now: () => at, log });
    expect(await run()).toBe(0); // Ada's first contact is 23 months and 29 days old
    at = new Date('2026-12-01T10:00:00Z');
    expect(await run()).toBe(1);
    expect(await run()).toBe(0); // a second run the same day has nothing left to do
    expect((await funnel.forPerson(ada)).map((e) => e.step)).toEqual(['picked_group']);
    at = new Date('2026-12-10T10:00:00Z');
    expect(await run()).toBe(1);
    expect(await funnel.forPerson(ada)).toEqual([]);
    expect((await funnel.forPerson(bob)).length).toBe(1);
    expect(await funnel.counts()).toEqual([
      { week: '2024-11-25', step: 'first_contact', group: null, platform: 'slack', language: 'en', count: 1 },
      { week: '2024-12-09', step: 'picked_group', group: 'sig-docs', platform: 'slack', language: 'en', count: 1 },
    ]);
    expect(await funnel.totals()).toMatchObject({ first_contact: 2, picked_group: 1 });
  });
});

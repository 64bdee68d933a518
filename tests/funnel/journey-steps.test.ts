// The journey's pull-request events reach the funnel: opened, merged, and a second merge as the second contribution.
import { describe, expect, it } from 'vitest';
import { journeyFunnel } from '../../src/jobs/journey-funnel.js';
import { createMemoryFunnel } from '../fakes/memory-funnel.js';

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

describe('journey steps in the funnel', () => {
  it('records a first pull request, its merge, and only a later merge as a second contribution', async () => {
    const funnel = createMemoryFunnel();
    const events = journeyFunnel(funnel, quiet);
    const ada = { platform: 'slack', workspaceId: 'T1', userId: 'U1' };
    const day = (d: number) => new Date(Date.UTC(2026, 10, d));
    await events.prOpened({ user: ada, issueKey: 'o/r#1', pr: 10, at: day(3) });
    await events.prMerged({ user: ada, issueKey: 'o/r#1', pr: 10, at: day(5) });
    expect((await funnel.totals()).second_contribution).toBe(0);
    await events.prMerged({ user: ada, issueKey: 'o/r#2', pr: 11, at: day(9) });
    const totals = await funnel.totals();
    expect([totals.pr_opened, totals.pr_merged, totals.second_contribution]).toEqual([1, 1, 1]);
  });

  it('never stops the follow-ups when the funnel cannot be written', async () => {
    const warned: string[] = [];
    const broken = { record: async () => Promise.reject(new Error('database is locked')) };
    const events = journeyFunnel(broken, { ...quiet, warn: (_f: object, msg?: string) => void warned.push(msg ?? '') });
    await expect(
      events.prOpened({
        user: { platform: 'slack', workspaceId: 'T1', userId: 'U1' },
        issueKey: 'o/r#1',
        pr: 1,
        at: new Date(),
      }),
    ).resolves.toBeUndefined();
    expect(warned).toEqual(['funnel step not recorded']);
  });
});

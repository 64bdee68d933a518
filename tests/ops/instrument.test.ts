// Scheduled jobs and posts counted from outside: a dashboard sees failed runs and failed or uncertain deliveries.
import { describe, expect, it } from 'vitest';
import type { Destination, Reply } from '../../src/core/types.js';
import { instrumentJobs, instrumentPost } from '../../src/metrics/instrument.js';
import { createMemoryMetrics } from '../../src/metrics/port.js';

const to: Destination = { platform: 'slack', workspaceId: 'T1', kind: 'user', userId: 'U0PRIVATE' };
const reply: Reply = { blocks: [{ type: 'text', text: 'hello' }] };

describe('counting scheduled work', () => {
  it('counts each job run as done or failed and keeps its result and its error', async () => {
    const metrics = createMemoryMetrics();
    const [ok, broken] = instrumentJobs(
      [
        { name: 'issues-refresh', cron: '* * * * *', run: async () => 'refreshed' },
        { name: 'weekly-digest', cron: '* * * * *', run: async () => Promise.reject(new Error('boom')) },
      ],
      metrics,
    );
    expect(await ok!.run()).toBe('refreshed');
    await expect(broken!.run()).rejects.toThrow('boom');
    expect(Object.fromEntries(metrics.counts)).toEqual({
      'job_runs{issues-refresh,done}': 1,
      'job_runs{weekly-digest,failed}': 1,
    });
  });

  it('counts posts as sent, failed, uncertain or rate-limited under their kind, with no destination in any label', async () => {
    const metrics = createMemoryMetrics();
    const answers = [
      { ok: true as const },
      { ok: false as const, error: 'HTTP 500' },
      { ok: false as const, error: 'reset', uncertain: true as const },
      { ok: false as const, error: 'HTTP 429', retryAfterMs: 1000 },
    ];
    const post = instrumentPost(async () => answers.shift()!, metrics, 'digest');
    for (let i = 0; i < 4; i++) await post(to, reply);
    const followUp = instrumentPost(async () => Promise.reject(new Error('down')), metrics, 'follow_up');
    await expect(followUp(to, reply)).rejects.toThrow('down');
    expect(Object.fromEntries(metrics.counts)).toEqual({
      'deliveries{digest,sent}': 1,
      'deliveries{digest,failed}': 1,
      'deliveries{digest,uncertain}': 1,
      'deliveries{digest,rate_limited}': 1,
      'deliveries{follow_up,failed}': 1,
    });
    expect([...metrics.counts.keys()].join()).not.toContain('U0PRIVATE');
  });
});

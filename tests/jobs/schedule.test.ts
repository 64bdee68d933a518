// The scheduler's stop: it waits for a run under way, and gives up after the grace period saying so.
import { describe, expect, it } from 'vitest';
import { createScheduler } from '../../src/jobs/schedule.js';
import { memoryLogger } from '../helpers/deps.js';

describe('scheduler', () => {
  it('on stop, waits for a run under way instead of pulling the database from under it', async () => {
    const { log } = memoryLogger();
    let started!: () => void;
    const hasStarted = new Promise<void>((r) => (started = r));
    let release!: () => void;
    const finished: string[] = [];
    const scheduler = createScheduler(
      [
        {
          name: 'slow',
          cron: '* * * * * *',
          timezone: 'UTC',
          run: async () => {
            started();
            await new Promise<void>((r) => (release = r));
            finished.push('job');
          },
        },
      ],
      log,
    );
    await hasStarted;
    const stopping = scheduler.stop().then(() => finished.push('stop'));
    await new Promise((r) => setImmediate(r));
    expect(finished).toEqual([]);
    release();
    await stopping;
    expect(finished).toEqual(['job', 'stop']);
  });

  it('gives up waiting after the grace period and says so', async () => {
    const { log, lines } = memoryLogger();
    let started!: () => void;
    const hasStarted = new Promise<void>((r) => (started = r));
    const scheduler = createScheduler(
      [{ name: 'stuck', cron: '* * * * * *', timezone: 'UTC', run: () => (started(), new Promise<void>(() => {})) }],
      log,
      10,
    );
    await hasStarted;
    await scheduler.stop();
    expect(lines.some((l) => l.msg === 'scheduled jobs still running at shutdown')).toBe(true);
  });
});

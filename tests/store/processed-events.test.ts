// Processed events contract: the same checks on SQLite, PostgreSQL and the in-memory fake.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProcessedEvents, type ProcessedEvents } from '../../src/store/processed-events.js';
import { createMemoryProcessedEvents } from '../fakes/memory-processed-events.js';
import { engines, openTestDatabase, type TestDatabase } from '../helpers/database.js';

const t0 = new Date('2026-11-27T10:00:00Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe.each([...engines(), 'memory' as const])('processed events on %s', (engine) => {
  let db: TestDatabase | undefined;
  let events: ProcessedEvents;
  beforeAll(async () => {
    const options = { keepMs: 60 * 60_000, pruneEveryMs: 10 * 60_000 };
    if (engine === 'memory') events = createMemoryProcessedEvents(options);
    else {
      db = await openTestDatabase(engine);
      events = createProcessedEvents(db.db, options);
    }
  });
  afterAll(async () => db?.dispose());

  it('says an event is new the first time and a redelivery after', async () => {
    expect(await events.seen('slack', 'Ev1', t0)).toBe(false);
    expect(await events.seen('slack', 'Ev1', later(1))).toBe(true);
    expect(await events.seen('slack', 'Ev1', later(5))).toBe(true);
  });

  it('keeps platforms apart', async () => {
    expect(await events.seen('discord', 'Ev1', later(1))).toBe(false);
  });

  it('forgets ids once they are older than the retention, pruning as it goes', async () => {
    expect(await events.seen('slack', 'Ev2', later(2))).toBe(false);
    // Two hours on, the next call prunes: Ev1 and Ev2 are gone, so they count as new again.
    expect(await events.seen('slack', 'Ev3', later(120))).toBe(false);
    expect(await events.seen('slack', 'Ev2', later(121))).toBe(false);
    expect(await events.prune(later(500))).toBeGreaterThanOrEqual(2);
  });
});

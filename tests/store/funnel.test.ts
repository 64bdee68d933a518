// Funnel repository contract: first-time steps, anonymous counts after forget and retention, on SQLite, PostgreSQL and the fake.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FunnelRepo } from '../../src/store/funnel.js';
import { weekOf } from '../../src/store/funnel-steps.js';
import { createStore } from '../../src/store/store.js';
import { createMemoryFunnel } from '../fakes/memory-funnel.js';
import { engines, openTestDatabase, type TestDatabase } from '../helpers/database.js';

const ada = { platform: 'slack', workspaceId: 'T1', userId: 'U1' };
const bob = { platform: 'discord', workspaceId: 'G1', userId: '42' };
const day = (d: number) => new Date(Date.UTC(2026, 10, d, 10));

describe('weekOf', () => {
  it('names the Monday of the week, in UTC', () => {
    expect(weekOf(new Date('2026-11-30T00:00:00Z'))).toBe('2026-11-30'); // a Monday
    expect(weekOf(new Date('2026-12-06T23:59:59Z'))).toBe('2026-11-30'); // the Sunday after
    expect(weekOf(new Date('2026-12-07T00:00:00Z'))).toBe('2026-12-07');
  });
});

describe.each([...engines(), 'memory' as const])('funnel on %s', (engine) => {
  let db: TestDatabase | undefined;
  let funnel: FunnelRepo;
  beforeAll(async () => {
    if (engine === 'memory') funnel = createMemoryFunnel();
    else {
      db = await openTestDatabase(engine);
      funnel = createStore(db).funnel;
    }
  });
  afterAll(async () => db?.dispose());

  it('keeps only the first time a step happens to a person', async () => {
    expect(await funnel.record(ada, 'first_contact', { language: 'fr' }, day(2))).toBe(true);
    expect(await funnel.record(ada, 'first_contact', { language: 'en' }, day(3))).toBe(false);
    expect(await funnel.record(ada, 'picked_group', { group: 'sig-docs', language: 'fr' }, day(3))).toBe(true);
    expect(await funnel.record(ada, 'picked_group', { group: 'sig-network', language: 'fr' }, day(4))).toBe(false);
    expect(await funnel.record(bob, 'first_contact', {}, day(10))).toBe(true);
    expect(await funnel.forPerson(ada)).toEqual([
      { user: ada, step: 'first_contact', group: null, language: 'fr', at: day(2) },
      { user: ada, step: 'picked_group', group: 'sig-docs', language: 'fr', at: day(3) },
    ]);
  });

  it('reads events in a window, since included and until excluded', async () => {
    expect((await funnel.events({ since: day(3), until: day(10) })).map((e) => e.step)).toEqual(['picked_group']);
    expect((await funnel.events()).length).toBe(3);
  });

  it('forgets a person into anonymous counts, attributed to their group', async () => {
    expect(await funnel.forget(ada)).toBe(2);
    expect(await funnel.forPerson(ada)).toEqual([]);
    const counts = await funnel.counts();
    expect(counts).toEqual([
      { week: '2026-11-02', step: 'first_contact', group: 'sig-docs', platform: 'slack', language: 'fr', count: 1 },
      { week: '2026-11-02', step: 'picked_group', group: 'sig-docs', platform: 'slack', language: 'fr', count: 1 },
    ]);
    expect(JSON.stringify(counts)).not.toContain('U1');
    expect(await funnel.totals()).toMatchObject({ first_contact: 2, picked_group: 1, claimed: 0 });
  });

  it('adds to an existing count and prunes only what is older than the cut', async () => {
    const carol = { platform: 'slack', workspaceId: 'T1', userId: 'U3' };
    await funnel.record(carol, 'first_contact', { language: 'fr' }, day(2));
    await funnel.record(carol, 'claimed', { group: 'sig-docs', language: 'fr' }, day(20));
    expect(await funnel.prune(day(5))).toBe(1);
    expect((await funnel.forPerson(carol)).map((e) => e.step)).toEqual(['claimed']);
    const weekOne = await funnel.counts({
      since: new Date('2026-11-02T00:00:00Z'),
      until: new Date('2026-11-09T00:00:00Z'),
    });
    // carol's old first contact had no group in what was pruned: it counts with no group.
    expect(weekOne.filter((c) => c.step === 'first_contact').map((c) => [c.group, c.count])).toEqual([
      [null, 1],
      ['sig-docs', 1],
    ]);
    expect(await funnel.totals()).toMatchObject({ first_contact: 3, claimed: 1 });
  });
});

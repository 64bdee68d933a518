// Action stash contract: the same checks on SQLite, PostgreSQL and the in-memory fake (two replicas share one).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActionStash, type ActionStash } from '../../src/store/action-stash.js';
import { createMemoryActionStash } from '../fakes/memory-action-stash.js';
import { engines, openTestDatabase, type TestDatabase } from '../helpers/database.js';

const t0 = new Date('2026-11-27T10:00:00Z');
const days = (n: number) => new Date(t0.getTime() + n * 86_400_000);

describe.each([...engines(), 'memory' as const])('action stash on %s', (engine) => {
  let db: TestDatabase | undefined;
  let stash: ActionStash;
  let other: ActionStash;
  beforeAll(async () => {
    if (engine === 'memory') {
      stash = other = createMemoryActionStash({ keepMs: 7 * 86_400_000 }); // replicas share one memory
      return;
    }
    db = await openTestDatabase(engine);
    stash = createActionStash(db.db, { keepMs: 7 * 86_400_000 });
    other = createActionStash(db.db, { keepMs: 7 * 86_400_000 }); // another replica on the same database
  });
  afterAll(async () => db?.dispose());

  it('gives back on one replica what another kept, and nothing for an unknown key', async () => {
    await stash.put(
      [
        ['#a', '{"kind":"value","value":"long"}'],
        ['#b', 'é😀'.repeat(2000)],
      ],
      t0,
    );
    expect(await other.get('#a', days(1))).toBe('{"kind":"value","value":"long"}');
    expect(await other.get('#b', days(1))).toBe('é😀'.repeat(2000));
    expect(await other.get('#nope', days(1))).toBeNull();
  });

  it('keeps a value for the retention after it was last put, then forgets it', async () => {
    await stash.put([['#c', 'menu']], t0);
    await other.put([['#c', 'menu']], days(5)); // rendered again: still readable a week after that
    expect(await stash.get('#c', days(11))).toBe('menu');
    expect(await stash.get('#a', days(8))).toBeNull();
    expect(await stash.prune(days(1))).toBe(2); // #a and #b; #c was put again since
    expect(await stash.get('#c', days(11))).toBe('menu');
    expect(await stash.get('#c', days(13))).toBeNull();
  });
});

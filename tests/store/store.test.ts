// Users and subscriptions contract: the same checks on SQLite, PostgreSQL and the in-memory store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../src/store/store.js';
import { createMemoryStore } from '../fakes/memory-store.js';
import { engines, openTestDatabase, type TestDatabase } from '../helpers/database.js';

const ada = { platform: 'slack', workspaceId: 'T1', userId: 'U1' };
const bob = { platform: 'discord', workspaceId: 'G1', userId: '42' };
const now = new Date('2026-11-27T10:00:00Z');

describe.each([...engines(), 'memory' as const])('store on %s', (engine) => {
  let db: TestDatabase | undefined;
  let store: Store;
  beforeAll(async () => {
    if (engine === 'memory') store = createMemoryStore();
    else {
      db = await openTestDatabase(engine);
      store = createStore(db);
    }
  });
  afterAll(async () => db?.dispose());

  it('remembers nothing about a stranger', async () => {
    expect(await store.users.get({ ...ada, userId: 'nobody' })).toBeNull();
  });

  it('stores, changes and forgets a language choice', async () => {
    await store.users.setLocale(ada, 'fr', now);
    expect((await store.users.get(ada))?.locale).toBe('fr');
    await store.users.setLocale(ada, 'en', now);
    expect((await store.users.get(ada))?.locale).toBe('en');
    await store.users.setLocale(ada, null, now);
    expect((await store.users.get(ada))?.locale).toBeNull();
  });

  it('remembers the language last written in, apart from the one chosen', async () => {
    const carol = { platform: 'slack', workspaceId: 'T1', userId: 'U3' };
    await store.users.noteSeenLocale(carol, 'fr', now);
    expect(await store.users.get(carol)).toMatchObject({ locale: null, seenLocale: 'fr' });
    await store.users.setLocale(carol, 'en', now);
    await store.users.noteSeenLocale(carol, 'fr', now);
    expect(await store.users.get(carol)).toMatchObject({ locale: 'en', seenLocale: 'fr' });
  });

  it('keeps people on different platforms apart', async () => {
    await store.users.setLocale(bob, 'fr', now);
    expect(await store.users.get({ ...bob, platform: 'slack' })).toBeNull();
  });

  it('subscribes once, lists and unsubscribes', async () => {
    expect(await store.subscriptions.add(ada, 'sig-network', now)).toBe(true);
    expect(await store.subscriptions.add(ada, 'sig-network', now)).toBe(false);
    expect(await store.subscriptions.add(ada, 'sig-docs', new Date(now.getTime() + 1000))).toBe(true);
    expect(await store.subscriptions.add(bob, 'sig-network', now)).toBe(true);
    expect(await store.subscriptions.list(ada)).toEqual(['sig-network', 'sig-docs']);
    expect(await store.subscriptions.remove(ada, 'sig-network')).toBe(true);
    expect(await store.subscriptions.remove(ada, 'sig-network')).toBe(false);
    expect(await store.subscriptions.list(ada)).toEqual(['sig-docs']);
  });

  it.skipIf(engine === 'memory')('runs migrations idempotently when opened again', async () => {
    const { openDatabase } = await import('../../src/store/database.js');
    const again = await openDatabase(db!.url);
    expect(await createStore(again).subscriptions.list(ada)).toEqual(['sig-docs']);
    await again.close();
  });
});

// Lead-note opt-ins contract: set, list, switch off, on SQLite, PostgreSQL and the fake.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeadNoteRepo } from '../../src/store/funnel-leads.js';
import { createStore } from '../../src/store/store.js';
import { createMemoryLeadNotes } from '../fakes/memory-lead-notes.js';
import { engines, openTestDatabase, type TestDatabase } from '../helpers/database.js';

const dora = { platform: 'slack', workspaceId: 'T1', userId: 'U9' };
const nina = { platform: 'discord', workspaceId: 'G1', userId: '10' };
const now = new Date('2026-11-30T09:00:00Z');

describe.each([...engines(), 'memory' as const])('lead notes on %s', (engine) => {
  let db: TestDatabase | undefined;
  let repo: LeadNoteRepo;
  beforeAll(async () => {
    if (engine === 'memory') repo = createMemoryLeadNotes();
    else {
      db = await openTestDatabase(engine);
      repo = createStore(db).leadNotes;
    }
  });
  afterAll(async () => db?.dispose());

  it('keeps one opt-in per lead and group, and lets it go', async () => {
    expect(await repo.set(dora, 'sig-docs', true, 'fr', now)).toBe(true);
    expect(await repo.set(dora, 'sig-docs', true, 'fr', now)).toBe(false);
    expect(await repo.set(dora, 'sig-apps', true, null, now)).toBe(true);
    expect(await repo.set(nina, 'sig-network', true, 'en', now)).toBe(true);
    expect(await repo.groupsOf(dora)).toEqual(['sig-apps', 'sig-docs']);
    expect(await repo.all()).toEqual([
      { user: dora, group: 'sig-apps', locale: null },
      { user: dora, group: 'sig-docs', locale: 'fr' },
      { user: nina, group: 'sig-network', locale: 'en' },
    ]);
    expect(await repo.set(dora, 'sig-docs', false, null, now)).toBe(true);
    expect(await repo.set(dora, 'sig-docs', false, null, now)).toBe(false);
    expect(await repo.groupsOf(dora)).toEqual(['sig-apps']);
  });
});

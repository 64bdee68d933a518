// Mentors and mentorships on each engine and the fake: groups, pause, one request per claim, ask/accept/decline, load.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../src/store/store.js';
import { createMemoryStore } from '../fakes/memory-store.js';
import { engines, openTestDatabase, type TestDatabase } from '../helpers/database.js';

const ada = { platform: 'slack', workspaceId: 'T1', userId: 'U1' };
const mia = { platform: 'slack', workspaceId: 'T1', userId: 'M1' };
const max = { platform: 'slack', workspaceId: 'T1', userId: 'M2' };
const elsewhere = { platform: 'discord', workspaceId: 'G1', userId: 'M1' };
const t0 = new Date('2026-11-01T10:00:00Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const slackT1 = { platform: 'slack', workspaceId: 'T1' };

describe.each([...engines(), 'memory' as const])('mentors on %s', (kind) => {
  let db: TestDatabase | undefined;
  let store: Store;
  beforeAll(async () => {
    if (kind === 'memory') store = createMemoryStore();
    else {
      db = await openTestDatabase(kind);
      store = createStore(db);
    }
  });
  afterAll(async () => db?.dispose());

  it('joins and leaves groups once each, per workspace', async () => {
    expect(await store.mentors.join(mia, 'sig-docs', t0)).toBe(true);
    expect(await store.mentors.join(mia, 'sig-docs', later(1))).toBe(false);
    expect(await store.mentors.join(mia, 'sig-node', later(2))).toBe(true);
    expect(await store.mentors.join(max, 'sig-docs', later(3))).toBe(true);
    expect(await store.mentors.join(elsewhere, 'sig-docs', later(4))).toBe(true);
    expect(await store.mentors.of(mia)).toEqual({ groups: ['sig-docs', 'sig-node'], paused: false });
    expect((await store.mentors.inGroup('sig-docs', slackT1)).map((m) => m.userId)).toEqual(['M1', 'M2']);
    expect(await store.mentors.leave(mia, 'sig-node')).toBe(true);
    expect(await store.mentors.leave(mia, 'sig-node')).toBe(false);
    expect((await store.mentors.of(mia)).groups).toEqual(['sig-docs']);
  });

  it('pauses and resumes a person in every group', async () => {
    expect(await store.mentors.pause(max, true, later(5))).toBe(true);
    expect(await store.mentors.pause(max, true, later(6))).toBe(false);
    expect((await store.mentors.inGroup('sig-docs', slackT1)).map((m) => [m.userId, m.paused])).toEqual([
      ['M1', false],
      ['M2', true],
    ]);
    expect(await store.mentors.pause(max, false, later(7))).toBe(true);
    expect((await store.mentors.of(max)).paused).toBe(false);
  });

  it('keeps one request per claim and moves it only from the expected state', async () => {
    const input = {
      claimId: 'c1',
      issueKey: 'kubernetes/website#11',
      groupId: 'sig-docs',
      newcomer: ada,
      newcomerName: 'Ada',
    };
    const first = await store.mentors.request(input, later(10));
    expect(first.created).toBe(true);
    expect(first.mentorship).toMatchObject({ status: 'searching', mentorId: null, declined: [] });
    const again = await store.mentors.request(input, later(11));
    expect(again).toMatchObject({ created: false, mentorship: { id: first.mentorship.id } });
    const id = first.mentorship.id;
    expect(await store.mentors.ask(id, 'M1', later(12))).toBe(true);
    expect(await store.mentors.ask(id, 'M2', later(12))).toBe(false); // already asking someone
    expect(await store.mentors.load(slackT1)).toEqual(new Map([['M1', 1]]));
    expect(await store.mentors.accept(id, 'M2', 'Max', later(13))).toBe(false); // not the one asked
    expect(await store.mentors.decline(id, 'M1', later(13))).toBe(true);
    expect(await store.mentors.get(id)).toMatchObject({ status: 'searching', mentorId: null, declined: ['M1'] });
    expect(await store.mentors.ask(id, 'M2', later(14))).toBe(true);
    expect((await store.mentors.withStatus(['asking']))[0]).toMatchObject({ id, mentorId: 'M2', askedAt: later(14) });
    expect(await store.mentors.accept(id, 'M2', 'Max', later(15))).toBe(true);
    expect(await store.mentors.accept(id, 'M2', 'Max', later(15))).toBe(false);
    expect(await store.mentors.get(id)).toMatchObject({ newcomerName: 'Ada', mentorName: 'Max' });
    expect((await store.mentors.helping(max)).map((m) => m.claimId)).toEqual(['c1']);
    expect(await store.mentors.helping(elsewhere)).toEqual([]);
    expect(await store.mentors.settle(id, 'volunteer', later(16))).toBe(false); // only from searching
    expect(await store.mentors.settle(id, 'ended', later(16))).toBe(true);
    expect(await store.mentors.helping(max)).toEqual([]);
    expect((await store.mentors.forClaim('c1'))?.status).toBe('ended');
    expect(await store.mentors.load(slackT1)).toEqual(new Map());
  });

  it('takes back a request that could not reach a mentor, and gives a call for volunteers to whoever answers first', async () => {
    const { mentorship } = await store.mentors.request(
      { claimId: 'c2', issueKey: 'kubernetes/website#12', groupId: 'sig-docs', newcomer: ada, newcomerName: 'Ada' },
      later(20),
    );
    expect(await store.mentors.ask(mentorship.id, 'M1', later(21))).toBe(true);
    expect(await store.mentors.unask(mentorship.id, 'M2', later(22))).toBe(false);
    expect(await store.mentors.unask(mentorship.id, 'M1', later(22))).toBe(true);
    expect(await store.mentors.get(mentorship.id)).toMatchObject({ status: 'searching', mentorId: null, declined: [] });
    expect(await store.mentors.settle(mentorship.id, 'volunteer', later(23))).toBe(true);
    expect(await store.mentors.accept(mentorship.id, 'M9', 'Vee', later(24))).toBe(true);
    expect(await store.mentors.accept(mentorship.id, 'M8', 'Other', later(24))).toBe(false);
    expect(await store.mentors.get(mentorship.id)).toMatchObject({
      status: 'accepted',
      mentorId: 'M9',
      mentorName: 'Vee',
    });
  });
});

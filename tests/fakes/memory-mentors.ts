// In-memory mentors and mentorships: the behaviour of src/store/mentors.ts, no database.
import { randomUUID } from 'node:crypto';
import { BUSY, type MentorRepo, type Mentorship } from '../../src/store/mentors.js';
import type { UserKey } from '../../src/store/users.js';
import { keyOf } from './person-key.js';

const copy = (m: Mentorship): Mentorship => ({ ...m, newcomer: { ...m.newcomer }, declined: [...m.declined] });

export function createMemoryMentors(): MentorRepo {
  const mentors: { user: UserKey; groupId: string; at: Date }[] = [];
  const paused = new Set<string>();
  const ships: Mentorship[] = [];
  const find = (id: string) => ships.find((m) => m.id === id);
  const sameWhere = (u: UserKey, w: { platform: string; workspaceId: string }) =>
    u.platform === w.platform && u.workspaceId === w.workspaceId;
  return {
    async join(user, groupId, now) {
      if (mentors.some((m) => keyOf(m.user) === keyOf(user) && m.groupId === groupId)) return false;
      mentors.push({ user: { ...user }, groupId, at: now });
      return true;
    },
    async leave(user, groupId) {
      const i = mentors.findIndex((m) => keyOf(m.user) === keyOf(user) && m.groupId === groupId);
      if (i < 0) return false;
      mentors.splice(i, 1);
      return true;
    },
    async pause(user, on) {
      const had = paused.has(keyOf(user));
      if (on) paused.add(keyOf(user));
      else paused.delete(keyOf(user));
      return had !== on;
    },
    async of(user) {
      const mine = mentors.filter((m) => keyOf(m.user) === keyOf(user));
      mine.sort((a, b) => a.at.getTime() - b.at.getTime() || a.groupId.localeCompare(b.groupId));
      return { groups: mine.map((m) => m.groupId), paused: paused.has(keyOf(user)) };
    },
    async inGroup(groupId, where) {
      return mentors
        .filter((m) => m.groupId === groupId && sameWhere(m.user, where))
        .sort((a, b) => a.at.getTime() - b.at.getTime() || a.user.userId.localeCompare(b.user.userId))
        .map((m) => ({ ...m.user, groupId, paused: paused.has(keyOf(m.user)) }));
    },
    async request(input, now) {
      const had = ships.find((m) => m.claimId === input.claimId);
      if (had) return { mentorship: copy(had), created: false };
      const m: Mentorship = {
        id: randomUUID(),
        ...input,
        newcomer: { ...input.newcomer },
        mentorId: null,
        mentorName: null,
        status: 'searching',
        declined: [],
        askedAt: null,
        createdAt: now,
      };
      ships.push(m);
      return { mentorship: copy(m), created: true };
    },
    async get(id) {
      const m = find(id);
      return m ? copy(m) : null;
    },
    async forClaim(claimId) {
      const m = ships.find((x) => x.claimId === claimId);
      return m ? copy(m) : null;
    },
    async ask(id, mentorId, now) {
      const m = find(id);
      if (m?.status !== 'searching') return false;
      Object.assign(m, { status: 'asking', mentorId, askedAt: now });
      return true;
    },
    async accept(id, mentorId, mentorName) {
      const m = find(id);
      if (!((m?.status === 'asking' && m.mentorId === mentorId) || m?.status === 'volunteer')) return false;
      Object.assign(m, { status: 'accepted', mentorId, mentorName });
      return true;
    },
    async unask(id, mentorId) {
      const m = find(id);
      if (m?.status !== 'asking' || m.mentorId !== mentorId) return false;
      Object.assign(m, { status: 'searching', mentorId: null, askedAt: null });
      return true;
    },
    async decline(id, mentorId) {
      const m = find(id);
      if (m?.status !== 'asking' || m.mentorId !== mentorId) return false;
      Object.assign(m, {
        status: 'searching',
        mentorId: null,
        askedAt: null,
        declined: [...new Set([...m.declined, mentorId])],
      });
      return true;
    },
    async settle(id, status) {
      const m = find(id);
      const from = status === 'volunteer' ? ['searching'] : ['searching', 'asking', 'accepted', 'volunteer'];
      if (!m || !from.includes(m.status)) return false;
      m.status = status;
      return true;
    },
    async withStatus(statuses) {
      return ships
        .filter((m) => statuses.includes(m.status))
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
        .map(copy);
    },
    async helping(mentor) {
      return ships
        .filter((m) => m.status === 'accepted' && m.mentorId === mentor.userId && sameWhere(m.newcomer, mentor))
        .map(copy);
    },
    async load(where) {
      const out = new Map<string, number>();
      for (const m of ships)
        if (m.mentorId && BUSY.includes(m.status) && sameWhere(m.newcomer, where))
          out.set(m.mentorId, (out.get(m.mentorId) ?? 0) + 1);
      return out;
    },
  };
}

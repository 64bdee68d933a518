// In-memory lead-note opt-ins: the behaviour of the SQL repository, no database.
import type { LeadOptIn, LeadNoteRepo } from '../../src/store/funnel-leads.js';
import { keyOf } from './person-key.js';

export function createMemoryLeadNotes(): LeadNoteRepo {
  const rows: LeadOptIn[] = [];
  const find = (user: LeadOptIn['user'], group: string) =>
    rows.findIndex((r) => r.group === group && keyOf(r.user) === keyOf(user));
  const sortKey = (r: LeadOptIn) => [r.group, keyOf(r.user)].join('\u0000');
  return {
    async set(user, group, on, locale) {
      const i = find(user, group);
      if (on && i < 0) rows.push({ user: { ...user }, group, locale });
      else if (!on && i >= 0) rows.splice(i, 1);
      else return false;
      return true;
    },
    async groupsOf(user) {
      return rows
        .filter((r) => keyOf(r.user) === keyOf(user))
        .map((r) => r.group)
        .sort();
    },
    async all() {
      return [...rows].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1)).map((r) => ({ ...r, user: { ...r.user } }));
    },
  };
}

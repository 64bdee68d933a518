// An in-memory Store for capability tests: same behaviour as the real repositories, no database.
import type { Locale } from '../../src/core/types.js';
import type { Store } from '../../src/store/store.js';
import type { UserKey } from '../../src/store/users.js';
import { createMemoryDigests } from './memory-digests.js';
import { createMemoryClaimRepos } from './memory-claims.js';
import { createMemoryIssueRepos } from './memory-issues.js';
import { createMemoryJobLocks } from './memory-job-locks.js';
import { createMemoryFunnel } from './memory-funnel.js';
import { createMemoryPersonalData } from './memory-personal-data.js';
import { createMemoryLeadNotes } from './memory-lead-notes.js';
import { createMemoryMentors } from './memory-mentors.js';
import { keyOf } from './person-key.js';

export function createMemoryStore(): Store {
  const locales = new Map<string, Locale | null>();
  const seen = new Map<string, Locale>();
  const subs = new Map<string, { key: UserKey; sigs: string[] }>();
  const store: Omit<Store, 'personalData'> = {
    ...createMemoryIssueRepos(),
    ...createMemoryClaimRepos(),
    jobLocks: createMemoryJobLocks(),
    funnel: createMemoryFunnel(),
    leadNotes: createMemoryLeadNotes(),
    mentors: createMemoryMentors(),
    digests: createMemoryDigests({
      locale: (k) => locales.get(keyOf(k)) ?? seen.get(keyOf(k)) ?? null,
      sigs: (k) => subs.get(keyOf(k))?.sigs ?? [],
    }),
    users: {
      async get(key) {
        const k = keyOf(key);
        return locales.has(k) || seen.has(k)
          ? { ...key, locale: locales.get(k) ?? null, seenLocale: seen.get(k) ?? null }
          : null;
      },
      async setLocale(key, locale) {
        locales.set(keyOf(key), locale);
      },
      async noteSeenLocale(key, locale) {
        seen.set(keyOf(key), locale);
      },
    },
    subscriptions: {
      async add(key, sigId) {
        const entry = subs.get(keyOf(key)) ?? { key, sigs: [] };
        subs.set(keyOf(key), entry);
        if (entry.sigs.includes(sigId)) return false;
        entry.sigs.push(sigId);
        return true;
      },
      async remove(key, sigId) {
        const entry = subs.get(keyOf(key));
        if (!entry?.sigs.includes(sigId)) return false;
        entry.sigs = entry.sigs.filter((s) => s !== sigId);
        return true;
      },
      async list(key) {
        return [...(subs.get(keyOf(key))?.sigs ?? [])];
      },
    },
  };
  const dropPerson = (key: UserKey) => {
    for (const map of [locales, seen, subs]) map.delete(keyOf(key));
  };
  return { ...store, personalData: createMemoryPersonalData(store, dropPerson) };
}

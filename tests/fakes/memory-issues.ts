// In-memory issue index, ETag cache and repository languages: the behaviour of the SQL repositories, no database.
import type { HttpCacheRepo } from '../../src/store/http-cache.js';
import { issueKey, repoKey, type IndexedIssue, type IssueRepo, type QueryState } from '../../src/store/issues.js';

export function createMemoryIssueRepos(): { issues: IssueRepo; httpCache: HttpCacheRepo } {
  const issues = new Map<string, IndexedIssue>();
  const members = new Map<string, Set<string>>();
  const queries = new Map<string, QueryState>();
  const repos = new Map<string, { language: string | null; checkedAt: Date }>();
  const cache = new Map<string, { etag: string; body: string; storedAt: Date }>();
  const dropOrphans = () => {
    const used = new Set([...members.values()].flatMap((s) => [...s]));
    let removed = 0;
    for (const key of [...issues.keys()]) if (!used.has(key)) issues.delete(key), removed++;
    return removed;
  };
  const issueRepo: IssueRepo = {
    async saveQuery(key, query, found, outcome, now) {
      const at = now.toISOString();
      let added = 0;
      const set = outcome.complete ? new Set<string>() : (members.get(key) ?? new Set<string>());
      for (const i of found) {
        const k = issueKey(i);
        const before = issues.get(k);
        if (!before) added++;
        issues.set(k, {
          ...i,
          language: repos.get(repoKey(i.owner, i.repo))?.language ?? null,
          firstSeenAt: before?.firstSeenAt ?? at,
        });
        set.add(k);
      }
      members.set(key, set);
      const removed = dropOrphans();
      const previous = queries.get(key);
      queries.set(key, {
        key,
        query,
        refreshedAt: outcome.complete ? now : (previous?.refreshedAt ?? null),
        attemptedAt: now,
        ok: true,
        complete: outcome.complete,
        total: outcome.total,
        error: null,
      });
      return { added, removed };
    },
    async queryFailed(key, query, error, now) {
      const previous = queries.get(key);
      queries.set(key, {
        key,
        query,
        refreshedAt: previous?.refreshedAt ?? null,
        attemptedAt: now,
        ok: false,
        complete: previous?.complete ?? false,
        total: previous?.total ?? 0,
        error: error.slice(0, 300),
      });
    },
    async keepQueries(keys) {
      const gone = new Set([...queries.keys(), ...members.keys()].filter((k) => !keys.includes(k)));
      if (gone.size === 0) return 0;
      for (const k of gone) queries.delete(k), members.delete(k);
      return dropOrphans();
    },
    async queries() {
      return [...queries.values()].sort((a, b) => a.key.localeCompare(b.key)).map((q) => ({ ...q }));
    },
    async all() {
      return [...issues.entries()]
        .sort(([ka, a], [kb, b]) =>
          a.createdAt === b.createdAt ? ka.localeCompare(kb) : a.createdAt < b.createdAt ? 1 : -1,
        )
        .map(([, i]) => ({ ...i }));
    },
    async get(id) {
      const found = issues.get(issueKey(id));
      return found ? { ...found } : null;
    },
    async remove(id) {
      for (const set of members.values()) set.delete(issueKey(id));
      return issues.delete(issueKey(id));
    },
    async repoLanguages() {
      return new Map(repos);
    },
    async setRepoLanguage(repo, language, now) {
      repos.set(repo.toLowerCase(), { language, checkedAt: now });
      for (const i of issues.values()) if (repoKey(i.owner, i.repo) === repo.toLowerCase()) i.language = language;
    },
  };
  const httpCache: HttpCacheRepo = {
    async get(key) {
      const hit = cache.get(key);
      return hit ? { ...hit } : null;
    },
    async put(key, etag, body, now) {
      cache.set(key, { etag, body, storedAt: now });
    },
    async touch(key, now) {
      const hit = cache.get(key);
      if (hit) hit.storedAt = now;
    },
    async prune(before) {
      let n = 0;
      for (const [k, v] of [...cache]) if (v.storedAt < before) cache.delete(k), n++;
      return n;
    },
  };
  return { issues: issueRepo, httpCache };
}

// The IssueIndex port over the store: cached reads for chat, and a background refresh when one is due.
import type { Logger } from '../log.js';
import type { IndexedIssue } from '../store/issues.js';
import type { Store } from '../store/store.js';
import type { IndexStatus, IssueIndex } from './ports.js';

/** After a failed attempt, wait this long before chat may trigger another (the scheduled job keeps its own pace). */
const RETRY_AFTER_FAILURE_MS = 5 * 60_000;

export interface IssueIndexDeps {
  store: Pick<Store, 'issues'>;
  /** Single-flight refresh (see createGithub); resolves when done, never rejects. */
  refresh: () => Promise<unknown>;
  /** The configured queries; absent, whatever queries the store holds count. */
  queryKeys?: () => string[];
  intervalMinutes: number;
  now: () => Date;
  log: Logger;
  /** How long a read is reused before the store is asked again (other replicas refresh too). */
  cacheMs?: number;
}

export function createIssueIndex(deps: IssueIndexDeps): IssueIndex {
  const cacheMs = deps.cacheMs ?? 15_000;
  let cached: { at: number; issues: IndexedIssue[]; status: IndexStatus; lastAttempt: number } | null = null;
  let refreshing = false;

  const load = async () => {
    const now = deps.now().getTime();
    if (cached && now - cached.at < cacheMs && now >= cached.at) return cached;
    const stored = await deps.store.issues.queries();
    const keys = deps.queryKeys?.() ?? stored.map((q) => q.key);
    const queries = stored.filter((q) => keys.includes(q.key));
    const complete = queries.length === keys.length && queries.every((q) => q.refreshedAt);
    const refreshedAt =
      complete && queries.length > 0 ? new Date(Math.min(...queries.map((q) => q.refreshedAt!.getTime()))) : null;
    const status: IndexStatus = {
      source: 'github',
      refreshedAt,
      stale: !refreshedAt || now - refreshedAt.getTime() >= deps.intervalMinutes * 60_000,
      failing: queries.some((q) => !q.ok),
    };
    const lastAttempt = Math.max(0, ...queries.map((q) => q.attemptedAt.getTime()));
    cached = { at: now, issues: await deps.store.issues.all(), status, lastAttempt };
    return cached;
  };
  const invalidate = () => {
    cached = null;
  };

  return {
    invalidate,
    async status() {
      return (await load()).status;
    },
    async list() {
      return (await load()).issues;
    },
    async get(id) {
      return deps.store.issues.get(id);
    },
    async forget(id) {
      await deps.store.issues.remove(id);
      invalidate();
    },
    refreshIfStale() {
      if (refreshing) return;
      refreshing = true;
      void (async () => {
        try {
          const { status, lastAttempt } = await load();
          const backingOff = status.failing && deps.now().getTime() - lastAttempt < RETRY_AFTER_FAILURE_MS;
          if (status.stale && !backingOff) {
            await deps.refresh();
            invalidate();
          }
        } catch (err) {
          deps.log.error({ err }, 'background issue refresh failed');
        } finally {
          refreshing = false;
        }
      })();
    },
  };
}

// In-memory action stash with the real table's rules: put refreshes a value, get honours the retention, prune forgets.
import { ACTION_STASH_KEEP_MS, type ActionStash, type ActionStashOptions } from '../../src/store/action-stash.js';

export function createMemoryActionStash(options: ActionStashOptions = {}): ActionStash {
  const keepMs = options.keepMs ?? ACTION_STASH_KEEP_MS;
  const kept = new Map<string, { value: string; storedAt: Date }>();
  const prune = async (before: Date) => {
    let removed = 0;
    for (const [key, entry] of kept) if (entry.storedAt < before) kept.delete(key), removed++;
    return removed;
  };
  return {
    prune,
    async put(entries, now) {
      for (const [key, value] of entries) kept.set(key, { value, storedAt: now });
    },
    async get(key, now) {
      const entry = kept.get(key);
      return entry && entry.storedAt.getTime() >= now.getTime() - keepMs ? entry.value : null;
    },
  };
}

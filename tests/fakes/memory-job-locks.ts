// In-memory job locks with the real ones' rule: one holder per name at a time, a second call refused and told who holds it.
import { hostname } from 'node:os';
import type { JobLocks, LockHolder } from '../../src/store/job-locks.js';

export function createMemoryJobLocks(): JobLocks {
  const held = new Map<string, LockHolder>();
  return {
    async withLock(name, now, fn) {
      const holder = held.get(name);
      if (holder) return { locked: false, holder };
      held.set(name, { host: hostname(), pid: process.pid, since: now(), expires: null });
      try {
        return { locked: true, value: await fn(async () => {}) };
      } finally {
        held.delete(name);
      }
    },
  };
}

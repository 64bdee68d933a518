// In-memory job locks with the real ones' rule: one holder per name at a time, a second call refused.
import type { JobLocks } from '../../src/store/job-locks.js';

export function createMemoryJobLocks(): JobLocks {
  const held = new Set<string>();
  return {
    async withLock(name, _now, fn) {
      if (held.has(name)) return { locked: false };
      held.add(name);
      try {
        return { locked: true, value: await fn(async () => {}) };
      } finally {
        held.delete(name);
      }
    },
  };
}

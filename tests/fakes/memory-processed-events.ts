// In-memory processed events with the real table's rule: an id is new once per platform until the retention forgets it.
import type { ProcessedEvents, ProcessedEventsOptions } from '../../src/store/processed-events.js';

export function createMemoryProcessedEvents(options: ProcessedEventsOptions = {}): ProcessedEvents {
  const keepMs = options.keepMs ?? 60 * 60_000;
  const pruneEveryMs = options.pruneEveryMs ?? 10 * 60_000;
  const seenAt = new Map<string, Date>();
  let lastPrune = 0;
  const prune = async (before: Date) => {
    let removed = 0;
    for (const [key, at] of seenAt) if (at < before) seenAt.delete(key), removed++;
    return removed;
  };
  return {
    prune,
    async seen(platform, eventId, now) {
      if (now.getTime() - lastPrune >= pruneEveryMs) {
        lastPrune = now.getTime();
        await prune(new Date(now.getTime() - keepMs));
      }
      const key = `${platform}\u0000${eventId}`;
      if (seenAt.has(key)) return true;
      seenAt.set(key, now);
      return false;
    },
  };
}

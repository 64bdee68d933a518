// Remembers which platform events were handled, so a redelivery is recognised on any replica.
import { createPruner } from './pruner.js';
import type { Kysely } from 'kysely';
import type { Tables } from './tables.js';

export interface ProcessedEvents {
  /** Records the event and says whether it had been recorded before (a redelivery to drop). */
  seen(platform: string, eventId: string, now: Date): Promise<boolean>;
  /** Forgets events recorded before `before`; returns how many. */
  prune(before: Date): Promise<number>;
}

export interface ProcessedEventsOptions {
  /** How long an id is remembered: Slack's last retry comes about 5 minutes after the first delivery. */
  keepMs?: number;
  /** At most one prune per this interval, done by whichever call comes first. */
  pruneEveryMs?: number;
}

export function createProcessedEvents(db: Kysely<Tables>, options: ProcessedEventsOptions = {}): ProcessedEvents {
  const keepMs = options.keepMs ?? 60 * 60_000;
  const pruneEveryMs = options.pruneEveryMs ?? 10 * 60_000;
  const prune = async (before: Date) => {
    const result = await db
      .deleteFrom('processed_events')
      .where('seen_at', '<', before.toISOString())
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  };
  const pruner = createPruner(prune, keepMs, pruneEveryMs);
  return {
    prune,
    async seen(platform, eventId, now) {
      await pruner.due(now);
      const result = await db
        .insertInto('processed_events')
        .values({ platform, event_id: eventId, seen_at: now.toISOString() })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 0;
    },
  };
}

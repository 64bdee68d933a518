// Values that Discord custom_ids point to by key, kept in the database so any replica (or a restart) can read them.
import { createPruner } from './pruner.js';
import type { Kysely } from 'kysely';
import type { Tables } from './tables.js';

export interface ActionStash {
  /** Keeps each value under its key; one already kept is refreshed, so what is still shown stays readable. */
  put(entries: ReadonlyArray<readonly [key: string, value: string]>, now: Date): Promise<void>;
  /** The value, or null when unknown or kept longer ago than the retention. */
  get(key: string, now: Date): Promise<string | null>;
  /** Forgets values stored before `before`; returns how many. */
  prune(before: Date): Promise<number>;
}

export interface ActionStashOptions {
  /** How long a value stays readable after it was last rendered. */
  keepMs?: number;
  /** At most one prune per this interval, done by whichever put comes first. */
  pruneEveryMs?: number;
}

/**
 * Thirty days: a button in a weekly digest or a direct message is often used a week or two later;
 * a menu rendered again in the meantime (same content, same key) is refreshed.
 */
export const ACTION_STASH_KEEP_MS = 30 * 86_400_000;

export function createActionStash(db: Kysely<Tables>, options: ActionStashOptions = {}): ActionStash {
  const keepMs = options.keepMs ?? ACTION_STASH_KEEP_MS;
  const pruneEveryMs = options.pruneEveryMs ?? 60 * 60_000;
  const prune = async (before: Date) => {
    const result = await db.deleteFrom('action_stash').where('stored_at', '<', before.toISOString()).executeTakeFirst();
    return Number(result.numDeletedRows);
  };
  const pruner = createPruner(prune, keepMs, pruneEveryMs);
  return {
    prune,
    async put(entries, now) {
      if (entries.length === 0) return;
      await pruner.due(now);
      const stored_at = now.toISOString();
      await db
        .insertInto('action_stash')
        .values(entries.map(([key, value]) => ({ key, value, stored_at })))
        .onConflict((oc) =>
          oc
            .column('key')
            .doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), stored_at: eb.ref('excluded.stored_at') })),
        )
        .execute();
    },
    async get(key, now) {
      const row = await db
        .selectFrom('action_stash')
        .select('value')
        .where('key', '=', key)
        .where('stored_at', '>=', new Date(now.getTime() - keepMs).toISOString())
        .executeTakeFirst();
      return row?.value ?? null;
    },
  };
}

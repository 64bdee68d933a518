// Which SIGs each person follows: what "pick a SIG" stores and what digests read.
import type { Kysely } from 'kysely';
import type { Tables } from './tables.js';
import { whereUser, type UserKey } from './users.js';

export interface SubscriptionRepo {
  /** True when the subscription is new, false when the person already followed that SIG. */
  add(key: UserKey, sigId: string, now: Date): Promise<boolean>;
  /** True when something was removed. */
  remove(key: UserKey, sigId: string): Promise<boolean>;
  list(key: UserKey): Promise<string[]>;
}

export function createSubscriptionRepo(db: Kysely<Tables>): SubscriptionRepo {
  const mine = (key: UserKey) => db.selectFrom('subscriptions').where((eb) => eb.and(whereUser(key)));
  return {
    async add(key, sigId, now) {
      const result = await db
        .insertInto('subscriptions')
        .values({ ...whereUser(key), sig_id: sigId, created_at: now.toISOString() })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async remove(key, sigId) {
      const result = await db
        .deleteFrom('subscriptions')
        .where((eb) => eb.and(whereUser(key)))
        .where('sig_id', '=', sigId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async list(key) {
      const rows = await mine(key).select('sig_id').orderBy('created_at').orderBy('sig_id').execute();
      return rows.map((r) => r.sig_id);
    },
  };
}

// ETags and the compact bodies they stand for, so an unchanged GitHub read is a conditional request (304).
import type { Kysely } from 'kysely';
import type { Tables } from './tables.js';

export interface CachedResponse {
  etag: string;
  /** JSON of what the caller kept from the response (never the raw payload). */
  body: string;
  storedAt: Date;
}

export interface HttpCacheRepo {
  get(key: string): Promise<CachedResponse | null>;
  put(key: string, etag: string, body: string, now: Date): Promise<void>;
  /** Marks an entry as confirmed unchanged (a 304), so pruning keeps it. */
  touch(key: string, now: Date): Promise<void>;
  /** Forgets entries not confirmed since `before` (queries that are no longer asked). */
  prune(before: Date): Promise<number>;
}

export function createHttpCacheRepo(db: Kysely<Tables>): HttpCacheRepo {
  return {
    async get(key) {
      const row = await db.selectFrom('http_cache').selectAll().where('key', '=', key).executeTakeFirst();
      return row ? { etag: row.etag, body: row.body, storedAt: new Date(row.stored_at) } : null;
    },
    async put(key, etag, body, now) {
      const stored_at = now.toISOString();
      await db
        .insertInto('http_cache')
        .values({ key, etag, body, stored_at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ etag, body, stored_at }))
        .execute();
    },
    async touch(key, now) {
      await db.updateTable('http_cache').set({ stored_at: now.toISOString() }).where('key', '=', key).execute();
    },
    async prune(before) {
      const result = await db.deleteFrom('http_cache').where('stored_at', '<', before.toISOString()).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

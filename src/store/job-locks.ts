// One runner at a time for each scheduled job (the weekly digest, the issue refresh, claim follow-ups), across replicas.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { sql, type Kysely } from 'kysely';
import type { Engine } from './database.js';
import type { Tables } from './tables.js';

export type Locked<T> = { locked: true; value: T } | { locked: false };

/** Long enough for a Retry-After wait between heartbeats, short enough that a dead runner is soon replaced. */
export const LEASE_MS = 5 * 60_000;

export interface JobLocks {
  /**
   * Runs `fn` only if no other runner holds the lock called `name`, and says so otherwise: a
   * transaction-scoped advisory lock on PostgreSQL, a lease row on SQLite (kept alive by `heartbeat`,
   * expiring LEASE_MS after its holder dies). Each call is its own holder, so a second call in the
   * same process is refused too.
   */
  withLock<T>(name: string, now: () => Date, fn: (heartbeat: () => Promise<void>) => Promise<T>): Promise<Locked<T>>;
}

export function createJobLocks(db: Kysely<Tables>, engine: Engine): JobLocks {
  async function withAdvisoryLock<T>(name: string, fn: (heartbeat: () => Promise<void>) => Promise<T>): Promise<Locked<T>> {
    // The lock lives as long as this transaction, on its own connection; the work itself runs on
    // other connections so what it writes commits at once and survives a crash of this runner.
    // The schema is part of the key: two onramp deployments sharing a database are two bots.
    return db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(hashtext(${`onramp.${name}:`} || current_schema())) as locked`.execute(trx);
      if (!rows[0]?.locked) return { locked: false } as const;
      return { locked: true, value: await fn(async () => {}) } as const;
    });
  }

  async function withLease<T>(name: string, now: () => Date, fn: (heartbeat: () => Promise<void>) => Promise<T>): Promise<Locked<T>> {
    const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    const expiry = () => new Date(now().getTime() + LEASE_MS).toISOString();
    await db
      .insertInto('digest_locks')
      .values({ name, owner, expires_at: expiry() })
      .onConflict((oc) => oc.column('name').doUpdateSet({ owner, expires_at: expiry() }).where('digest_locks.expires_at', '<', now().toISOString()))
      .execute();
    const held = await db.selectFrom('digest_locks').select('owner').where('name', '=', name).executeTakeFirst();
    if (held?.owner !== owner) return { locked: false };
    const heartbeat = async () => {
      await db.updateTable('digest_locks').set({ expires_at: expiry() }).where('name', '=', name).where('owner', '=', owner).execute();
    };
    try {
      return { locked: true, value: await fn(heartbeat) };
    } finally {
      await db.deleteFrom('digest_locks').where('name', '=', name).where('owner', '=', owner).execute();
    }
  }

  return {
    withLock(name, now, fn) {
      return engine === 'postgres' ? withAdvisoryLock(name, fn) : withLease(name, now, fn);
    },
  };
}

/** A heartbeat that writes at most every `everyMs` (callers may beat before every request). */
export function throttled(heartbeat: () => Promise<void>, now: () => Date, everyMs = 30_000): () => Promise<void> {
  let last = now().getTime();
  return async () => {
    if (now().getTime() - last < everyMs) return;
    last = now().getTime();
    await heartbeat();
  };
}

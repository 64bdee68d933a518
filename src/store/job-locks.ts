// One runner at a time for each scheduled job (the weekly digest, the issue refresh, claim follow-ups), across replicas.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { sql, type Kysely } from 'kysely';
import type { Engine } from './database.js';
import type { Tables } from './tables.js';

/** Who holds a lock, for the message a refused runner prints. */
export interface LockHolder {
  host: string | null;
  pid: number | null;
  since: Date | null;
  /** When the lease lapses if its holder stops renewing it; null on PostgreSQL (it ends with the holder's session). */
  expires: Date | null;
}

export type Locked<T> = { locked: true; value: T } | { locked: false; holder?: LockHolder };

/** Long enough for a Retry-After wait between heartbeats, short enough that a dead runner is soon replaced. */
export const LEASE_MS = 5 * 60_000;

export interface JobLocks {
  /**
   * Runs `fn` only if no other runner holds the lock called `name`, and says so otherwise (with the
   * holder, when known): a transaction-scoped advisory lock on PostgreSQL, a lease row on SQLite (kept
   * alive by `heartbeat`, expiring LEASE_MS after its holder stops, or at once when the holder was a
   * process on this host that is gone). Each call is its own holder, so a second call in the same
   * process is refused too.
   */
  withLock<T>(name: string, now: () => Date, fn: (heartbeat: () => Promise<void>) => Promise<T>): Promise<Locked<T>>;
}

/** Whether a process on this host is still running (EPERM: it runs as someone else, so it is alive). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** One line for the CLI and the log: who holds the lock, since when, and when it lapses. */
export function describeHolder(holder: LockHolder | undefined): string {
  if (!holder) return 'another runner holds it';
  const who = holder.host ? `process ${holder.pid ?? '?'} on ${holder.host}` : 'another runner';
  const since = holder.since ? ` since ${holder.since.toISOString()}` : '';
  const until = holder.expires
    ? `; its lease expires at ${holder.expires.toISOString()} unless it is renewed`
    : '; it is released when that runner ends or its database session closes';
  return `${who} holds it${since}${until}`;
}

type Row = Tables['job_locks'];

function holderOf(row: Row | undefined, engine: Engine): LockHolder | undefined {
  if (!row) return undefined;
  const date = (v: string | null) => (v ? new Date(v) : null);
  return {
    host: row.host,
    pid: row.pid,
    since: date(row.acquired_at),
    expires: engine === 'sqlite' ? date(row.expires_at) : null,
  };
}

export function createJobLocks(db: Kysely<Tables>, engine: Engine): JobLocks {
  const host = hostname();
  const read = (name: string) => db.selectFrom('job_locks').selectAll().where('name', '=', name).executeTakeFirst();

  async function withAdvisoryLock<T>(
    name: string,
    now: () => Date,
    fn: (heartbeat: () => Promise<void>) => Promise<T>,
  ): Promise<Locked<T>> {
    // The lock lives as long as this transaction, on its own connection; the work itself runs on
    // other connections so what it writes commits at once and survives a crash of this runner.
    // The schema is part of the key: two onramp deployments sharing a database are two bots.
    const refused = await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{
        locked: boolean;
      }>`select pg_try_advisory_xact_lock(hashtext(${`onramp.${name}:`} || current_schema())) as locked`.execute(trx);
      if (!rows[0]?.locked) return true;
      // A record of the holder, for a refused runner's message only: the advisory lock is what excludes.
      const owner = `${host}:${process.pid}:${randomUUID().slice(0, 8)}`;
      const record = { owner, expires_at: '', host, pid: process.pid, acquired_at: now().toISOString() };
      await db
        .insertInto('job_locks')
        .values({ name, ...record })
        .onConflict((oc) => oc.column('name').doUpdateSet(record))
        .execute();
      try {
        return { value: await fn(async () => {}) };
      } finally {
        await db.deleteFrom('job_locks').where('name', '=', name).where('owner', '=', owner).execute();
      }
    });
    if (refused === true) return { locked: false, holder: holderOf(await read(name), engine) };
    return { locked: true, value: refused.value };
  }

  async function withLease<T>(
    name: string,
    now: () => Date,
    fn: (heartbeat: () => Promise<void>) => Promise<T>,
  ): Promise<Locked<T>> {
    const owner = `${host}:${process.pid}:${randomUUID().slice(0, 8)}`;
    const expiry = () => new Date(now().getTime() + LEASE_MS).toISOString();
    // A lease left by a process of this host that is gone (killed, crashed) is free now, not in LEASE_MS.
    const before = await read(name);
    if (
      before &&
      before.host === host &&
      before.pid !== null &&
      before.pid !== process.pid &&
      !processAlive(before.pid)
    )
      await db.deleteFrom('job_locks').where('name', '=', name).where('owner', '=', before.owner).execute();
    const lease = { owner, expires_at: expiry(), host, pid: process.pid, acquired_at: now().toISOString() };
    await db
      .insertInto('job_locks')
      .values({ name, ...lease })
      .onConflict((oc) => oc.column('name').doUpdateSet(lease).where('job_locks.expires_at', '<', now().toISOString()))
      .execute();
    const held = await read(name);
    if (held?.owner !== owner) return { locked: false, holder: holderOf(held, engine) };
    const heartbeat = async () => {
      await db
        .updateTable('job_locks')
        .set({ expires_at: expiry() })
        .where('name', '=', name)
        .where('owner', '=', owner)
        .execute();
    };
    try {
      return { locked: true, value: await fn(heartbeat) };
    } finally {
      await db.deleteFrom('job_locks').where('name', '=', name).where('owner', '=', owner).execute();
    }
  }

  return {
    withLock(name, now, fn) {
      return engine === 'postgres' ? withAdvisoryLock(name, now, fn) : withLease(name, now, fn);
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

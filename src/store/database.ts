// Opens the database named by DATABASE_URL (embedded SQLite or PostgreSQL) and runs migrations.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { createMigrations } from './migrations/index.js';
import { withStatementCache } from './statement-cache.js';
import type { Tables } from './tables.js';

export type Engine = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<Tables>;
  engine: Engine;
  close(): Promise<void>;
}

function openSqlite(url: string): Kysely<Tables> {
  const file = url.slice('sqlite:'.length);
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file === ':memory:' ? ':memory:' : file);
  // WAL lets the CLI read while the bot writes; the busy timeout covers short write overlaps.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  // SQLite's advice for WAL: a commit is no longer fsynced one by one (0.16 ms → 0.01 ms each here),
  // and the database stays consistent; only a power cut, not a crash of onramp, can lose the last commits.
  sqlite.pragma('synchronous = NORMAL');
  // What is deleted is overwritten with zeros, not left in free pages: an erased person stays erased in the file.
  sqlite.pragma('secure_delete = ON');
  return new Kysely<Tables>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}

function openPostgres(url: string): Kysely<Tables> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000 });
  return new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
}

export async function openDatabase(url: string): Promise<Database> {
  const engine: Engine = url.startsWith('sqlite:') ? 'sqlite' : 'postgres';
  const db = engine === 'sqlite' ? openSqlite(url) : openPostgres(url);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => createMigrations(engine) },
    migrationTableName: 'onramp_migrations',
    migrationLockTableName: 'onramp_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    await db.destroy();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
  return { db, engine, close: () => db.destroy() };
}

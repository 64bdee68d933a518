// Looks for a string in everything a database holds: the SQLite file and its log as bytes, or every PostgreSQL table.
import { existsSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { TestDatabase } from '../helpers/database.js';

/** Where `needle` still appears: file names for SQLite, table names for PostgreSQL; empty when nowhere. */
export async function whereFound(db: TestDatabase, needle: string): Promise<string[]> {
  if (db.engine === 'sqlite') {
    const file = db.url.slice('sqlite:'.length);
    // The bot's own connection checkpoints after an erase; a test may have written since, so once more here.
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db.db);
    return [file, `${file}-wal`, `${file}-journal`].filter(
      (f) => existsSync(f) && readFileSync(f).includes(Buffer.from(needle)),
    );
  }
  const tables = await sql<{
    table_name: string;
  }>`select table_name from information_schema.tables where table_schema = current_schema()`.execute(db.db);
  const found: string[] = [];
  for (const { table_name } of tables.rows) {
    const rows = await sql`select * from ${sql.table(table_name)}`.execute(db.db);
    if (JSON.stringify(rows.rows).includes(needle)) found.push(table_name);
  }
  return found;
}

// Whether the database answers a trivial query now: the readiness probe's database check.
import { sql } from 'kysely';
import type { Database } from './database.js';

export function createDatabasePing(database: Database): () => Promise<boolean> {
  return async () => {
    await sql`select 1`.execute(database.db);
    return true;
  };
}

// Opens a throwaway database on each engine: a temp SQLite file, or a fresh PostgreSQL schema.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database, type Engine } from '../../src/store/database.js';

export const POSTGRES_URL = process.env.TEST_DATABASE_URL;

export interface TestDatabase extends Database {
  url: string;
  /** Closes and deletes everything the test created. */
  dispose(): Promise<void>;
}

export async function openTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-test-'));
    const url = `sqlite:${path.join(dir, 'test.db')}`;
    const db = await openDatabase(url);
    return {
      ...db,
      url,
      dispose: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!POSTGRES_URL) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const db = await openDatabase(url.toString());
  return {
    ...db,
    url: url.toString(),
    async dispose() {
      await db.close();
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

/** The engines a store suite runs on: PostgreSQL only when TEST_DATABASE_URL says where. */
export function engines(): Engine[] {
  if (!POSTGRES_URL) {
    // Visible on purpose: a skipped engine must never look like a passing one.
    console.warn('[onramp tests] TEST_DATABASE_URL is not set: PostgreSQL store tests are skipped (.ci/run sets it).');
    return ['sqlite'];
  }
  return ['sqlite', 'postgres'];
}

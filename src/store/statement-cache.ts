// Reuses prepared SQLite statements: Kysely asks better-sqlite3 to prepare every query afresh otherwise.
import type SQLite from 'better-sqlite3';

/** Distinct SQL texts kept; the bot issues a few dozen, so the bound only guards against surprises. */
const MAX_STATEMENTS = 500;

/**
 * The object Kysely's SqliteDialect talks to. Preparing costs more than running the small queries
 * the bot makes on each message, so statements are kept by their SQL text. A statement that is still
 * iterating (streamed results) is never handed out twice: those get a fresh one.
 */
export function withStatementCache(sqlite: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      const hit = cache.get(sql);
      if (hit && !hit.busy) return hit;
      const statement = sqlite.prepare(sql);
      if (!hit) {
        if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

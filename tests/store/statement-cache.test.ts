// The SQLite statement cache: reuses a statement for the same SQL, and a fresh one while the cached is iterating.
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from '../../src/store/statement-cache.js';

describe('SQLite statement cache', () => {
  it('reuses a statement for the same SQL and still answers correctly', () => {
    const db = withStatementCache(new SQLite(':memory:'));
    db.prepare('create table t (x integer)').run();
    const insert = db.prepare('insert into t values (?)');
    expect(db.prepare('insert into t values (?)')).toBe(insert);
    for (const x of [1, 2, 3]) db.prepare('insert into t values (?)').run(x);
    expect(db.prepare('select sum(x) as s from t').get()).toEqual({ s: 6 });
    db.close();
  });

  it('hands out a fresh statement while the cached one is still iterating', () => {
    const db = withStatementCache(new SQLite(':memory:'));
    db.prepare('create table t (x integer)').run();
    for (const x of [1, 2]) db.prepare('insert into t values (?)').run(x);
    const sql = 'select x from t order by x';
    const seen: number[] = [];
    for (const row of db.prepare(sql).iterate() as Iterable<{ x: number }>) {
      seen.push(row.x, ...(db.prepare(sql).all() as { x: number }[]).map((r) => r.x));
    }
    expect(seen).toEqual([1, 1, 2, 2, 1, 2]);
    db.close();
  });
});

// The issue index: claimable issues found by each search query, kept while at least one query returns them.
import type { Kysely } from 'kysely';
import type { Tables } from './tables.js';

import { issueKey, type IssueId } from '../views/issue-ref.js';

// One identity for an issue, wherever it is kept or compared (src/views/issue-ref.ts).
export { issueKey, type IssueId };

/** Case-insensitive identity of a repository, as GitHub treats names. */
export const repoKey = (owner: string, repo: string) => `${owner}/${repo}`.toLowerCase();

/** What a search found: an issue free to claim (open, unassigned, no linked pull request). */
export interface FoundIssue extends IssueId {
  title: string;
  url: string;
  labels: string[];
  sigIds: string[];
  /** GitHub's creation and last-update times (ISO). */
  createdAt: string;
  updatedAt: string;
}

export interface IndexedIssue extends FoundIssue {
  /** The repository's main language, once known. */
  language: string | null;
  /** When the index first saw it free: what digests call "new". */
  firstSeenAt: string;
}

export interface QueryState {
  key: string;
  query: string;
  /** The last refresh that read every page; null until one has. */
  refreshedAt: Date | null;
  attemptedAt: Date;
  ok: boolean;
  /** False when GitHub said its results were incomplete: issues were added, none removed. */
  complete: boolean;
  total: number;
  error: string | null;
}

export interface IssueRepo {
  /** Replaces what one query found (or, when incomplete, only adds); returns how the index changed. */
  saveQuery(
    key: string,
    query: string,
    found: FoundIssue[],
    outcome: { complete: boolean; total: number },
    now: Date,
  ): Promise<{ added: number; removed: number }>;
  /** Records a failed refresh of a query; what it found before stays. */
  queryFailed(key: string, query: string, error: string, now: Date): Promise<void>;
  /** Forgets queries that are no longer configured, and issues only they had found. */
  keepQueries(keys: string[]): Promise<number>;
  queries(): Promise<QueryState[]>;
  all(): Promise<IndexedIssue[]>;
  get(id: IssueId): Promise<IndexedIssue | null>;
  /** Takes an issue out at once (a live check found it taken); the next refresh agrees or brings it back. */
  remove(id: IssueId): Promise<boolean>;
  repoLanguages(): Promise<Map<string, { language: string | null; checkedAt: Date }>>;
  setRepoLanguage(repo: string, language: string | null, now: Date): Promise<void>;
}

type Db = Kysely<Tables>;
const CHUNK = 100;

function chunks<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

function toIssue(row: Tables['issues']): IndexedIssue {
  return {
    owner: row.owner,
    repo: row.repo,
    number: Number(row.number),
    title: row.title,
    url: row.url,
    labels: JSON.parse(row.labels) as string[],
    sigIds: JSON.parse(row.sig_ids) as string[],
    language: row.language,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    firstSeenAt: row.first_seen_at,
  };
}

async function deleteOrphans(db: Db): Promise<number> {
  const result = await db
    .deleteFrom('issues')
    .where('key', 'not in', (eb) => eb.selectFrom('issue_query_members').select('issue_key'))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function createIssueRepo(db: Db): IssueRepo {
  const upsertQuery = (trx: Db, row: Tables['issue_queries']) =>
    trx
      .insertInto('issue_queries')
      .values(row)
      .onConflict((oc) => oc.column('query_key').doUpdateSet({ ...row }))
      .execute();
  return {
    async saveQuery(key, query, found, outcome, now) {
      const at = now.toISOString();
      const unique = [...new Map(found.map((i) => [issueKey(i), i])).values()];
      return db.transaction().execute(async (trx) => {
        const languages = new Map<string, string | null>();
        const repos = [...new Set(unique.map((i) => repoKey(i.owner, i.repo)))];
        for (const part of chunks(repos)) {
          for (const r of await trx
            .selectFrom('github_repos')
            .select(['repo_key', 'language'])
            .where('repo_key', 'in', part)
            .execute())
            languages.set(r.repo_key, r.language);
        }
        const known = new Set<string>();
        for (const part of chunks(unique.map(issueKey))) {
          for (const r of await trx.selectFrom('issues').select('key').where('key', 'in', part).execute())
            known.add(r.key);
        }
        for (const part of chunks(unique)) {
          const rows = part.map((i) => ({
            key: issueKey(i),
            owner: i.owner,
            repo: i.repo,
            repo_key: repoKey(i.owner, i.repo),
            number: i.number,
            title: i.title,
            url: i.url,
            labels: JSON.stringify(i.labels),
            sig_ids: JSON.stringify(i.sigIds),
            language: languages.get(repoKey(i.owner, i.repo)) ?? null,
            created_at: i.createdAt,
            updated_at: i.updatedAt,
            first_seen_at: at,
            last_seen_at: at,
          }));
          await trx
            .insertInto('issues')
            .values(rows)
            .onConflict((oc) =>
              oc.column('key').doUpdateSet((eb) => ({
                owner: eb.ref('excluded.owner'),
                repo: eb.ref('excluded.repo'),
                title: eb.ref('excluded.title'),
                url: eb.ref('excluded.url'),
                labels: eb.ref('excluded.labels'),
                sig_ids: eb.ref('excluded.sig_ids'),
                language: eb.ref('excluded.language'),
                updated_at: eb.ref('excluded.updated_at'),
                last_seen_at: eb.ref('excluded.last_seen_at'),
              })),
            )
            .execute();
        }
        // An incomplete answer proves nothing about what is missing from it, so nothing is removed.
        if (outcome.complete) await trx.deleteFrom('issue_query_members').where('query_key', '=', key).execute();
        for (const part of chunks(unique)) {
          await trx
            .insertInto('issue_query_members')
            .values(part.map((i) => ({ query_key: key, issue_key: issueKey(i) })))
            .onConflict((oc) => oc.doNothing())
            .execute();
        }
        const removed = await deleteOrphans(trx);
        const previous = await trx
          .selectFrom('issue_queries')
          .select('refreshed_at')
          .where('query_key', '=', key)
          .executeTakeFirst();
        await upsertQuery(trx, {
          query_key: key,
          query,
          refreshed_at: outcome.complete ? at : (previous?.refreshed_at ?? null),
          attempted_at: at,
          ok: 1,
          complete: outcome.complete ? 1 : 0,
          total: outcome.total,
          error: null,
        });
        return { added: unique.filter((i) => !known.has(issueKey(i))).length, removed };
      });
    },
    async queryFailed(key, query, error, now) {
      const previous = await db.selectFrom('issue_queries').selectAll().where('query_key', '=', key).executeTakeFirst();
      await upsertQuery(db, {
        query_key: key,
        query,
        refreshed_at: previous?.refreshed_at ?? null,
        attempted_at: now.toISOString(),
        ok: 0,
        complete: previous?.complete ?? 0,
        total: previous?.total ?? 0,
        error: error.slice(0, 300),
      });
    },
    async keepQueries(keys) {
      return db.transaction().execute(async (trx) => {
        const stale = (await trx.selectFrom('issue_queries').select('query_key').execute())
          .map((r) => r.query_key)
          .filter((k) => !keys.includes(k));
        const members = (await trx.selectFrom('issue_query_members').select('query_key').distinct().execute())
          .map((r) => r.query_key)
          .filter((k) => !keys.includes(k));
        const gone = [...new Set([...stale, ...members])];
        if (gone.length === 0) return 0;
        await trx.deleteFrom('issue_queries').where('query_key', 'in', gone).execute();
        await trx.deleteFrom('issue_query_members').where('query_key', 'in', gone).execute();
        return deleteOrphans(trx);
      });
    },
    async queries() {
      const rows = await db.selectFrom('issue_queries').selectAll().orderBy('query_key').execute();
      return rows.map((r) => ({
        key: r.query_key,
        query: r.query,
        refreshedAt: r.refreshed_at ? new Date(r.refreshed_at) : null,
        attemptedAt: new Date(r.attempted_at),
        ok: Number(r.ok) === 1,
        complete: Number(r.complete) === 1,
        total: Number(r.total),
        error: r.error,
      }));
    },
    async all() {
      const rows = await db.selectFrom('issues').selectAll().orderBy('created_at', 'desc').orderBy('key').execute();
      return rows.map(toIssue);
    },
    async get(id) {
      const row = await db.selectFrom('issues').selectAll().where('key', '=', issueKey(id)).executeTakeFirst();
      return row ? toIssue(row) : null;
    },
    async remove(id) {
      return db.transaction().execute(async (trx) => {
        await trx.deleteFrom('issue_query_members').where('issue_key', '=', issueKey(id)).execute();
        const result = await trx.deleteFrom('issues').where('key', '=', issueKey(id)).executeTakeFirst();
        return Number(result.numDeletedRows) > 0;
      });
    },
    async repoLanguages() {
      const rows = await db.selectFrom('github_repos').selectAll().execute();
      return new Map(rows.map((r) => [r.repo_key, { language: r.language, checkedAt: new Date(r.checked_at) }]));
    },
    async setRepoLanguage(repo, language, now) {
      const key = repo.toLowerCase();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('github_repos')
          .values({ repo_key: key, language, checked_at: now.toISOString() })
          .onConflict((oc) => oc.column('repo_key').doUpdateSet({ language, checked_at: now.toISOString() }))
          .execute();
        await trx.updateTable('issues').set({ language }).where('repo_key', '=', key).execute();
      });
    },
  };
}

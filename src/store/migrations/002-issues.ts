// The issue index: claimable issues per search query, what each query last returned, the HTTP ETag cache and repository languages.
import type { Kysely } from 'kysely';
import type { MigrationFactory } from './index.js';

export const issues: MigrationFactory = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('issues')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('repo', 'text', (c) => c.notNull())
      .addColumn('repo_key', 'text', (c) => c.notNull())
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('labels', 'text', (c) => c.notNull())
      .addColumn('sig_ids', 'text', (c) => c.notNull())
      .addColumn('language', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('first_seen_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('issues_by_repo').on('issues').column('repo_key').execute();
    // Which query found which issue: an issue stays while at least one query still returns it.
    await db.schema
      .createTable('issue_query_members')
      .addColumn('query_key', 'text', (c) => c.notNull())
      .addColumn('issue_key', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('issue_query_members_pk', ['query_key', 'issue_key'])
      .execute();
    await db.schema.createIndex('issue_query_members_by_issue').on('issue_query_members').column('issue_key').execute();
    await db.schema
      .createTable('issue_queries')
      .addColumn('query_key', 'text', (c) => c.primaryKey())
      .addColumn('query', 'text', (c) => c.notNull())
      .addColumn('refreshed_at', 'text')
      .addColumn('attempted_at', 'text', (c) => c.notNull())
      .addColumn('ok', 'integer', (c) => c.notNull())
      .addColumn('complete', 'integer', (c) => c.notNull())
      .addColumn('total', 'integer', (c) => c.notNull())
      .addColumn('error', 'text')
      .execute();
    await db.schema
      .createTable('http_cache')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('etag', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('stored_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('github_repos')
      .addColumn('repo_key', 'text', (c) => c.primaryKey())
      .addColumn('language', 'text')
      .addColumn('checked_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['github_repos', 'http_cache', 'issue_queries', 'issue_query_members', 'issues'])
      await db.schema.dropTable(table).execute();
  },
});

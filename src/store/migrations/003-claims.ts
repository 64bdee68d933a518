// Claims ("I want to work on this"), their waitlists, each person's last listing, and their GitHub login.
import { sql, type Kysely } from 'kysely';
import type { MigrationFactory } from './index.js';

export const claims: MigrationFactory = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('claims')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('issue_key', 'text', (c) => c.notNull())
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('repo', 'text', (c) => c.notNull())
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('sig_id', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('progress_at', 'text')
      .addColumn('reminded_at', 'text')
      .addColumn('ended_at', 'text')
      .execute();
    // At most one open claim per issue, whatever the timing of two people asking at once.
    await db.schema
      .createIndex('claims_one_open_per_issue')
      .on('claims')
      .column('issue_key')
      .unique()
      .where(sql.ref('status'), '=', sql.lit('open'))
      .execute();
    await db.schema
      .createIndex('claims_by_user')
      .on('claims')
      .columns(['platform', 'workspace_id', 'user_id', 'status'])
      .execute();
    await db.schema
      .createTable('claim_waitlist')
      .addColumn('issue_key', 'text', (c) => c.notNull())
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('repo', 'text', (c) => c.notNull())
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('notified_at', 'text')
      .addPrimaryKeyConstraint('claim_waitlist_pk', ['issue_key', 'platform', 'workspace_id', 'user_id'])
      .execute();
    await db.schema
      .createTable('issue_listings')
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('issues', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('issue_listings_pk', ['platform', 'workspace_id', 'user_id'])
      .execute();
    await db.schema.alterTable('users').addColumn('github_login', 'text').execute();
    await db.schema.alterTable('users').addColumn('github_asked_at', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('users').dropColumn('github_asked_at').execute();
    await db.schema.alterTable('users').dropColumn('github_login').execute();
    for (const table of ['issue_listings', 'claim_waitlist', 'claims']) await db.schema.dropTable(table).execute();
  },
});

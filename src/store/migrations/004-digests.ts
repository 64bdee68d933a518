// Weekly digests: one run per period, one delivery row per (period, destination), DM opt-ins, a lease.
import type { Kysely } from 'kysely';
import type { MigrationFactory } from './index.js';

export const digests: MigrationFactory = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('digest_runs')
      .addColumn('period_key', 'text', (c) => c.primaryKey())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('planned_at', 'text')
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .execute();
    // The primary key is the UNIQUE (period, destination) that makes a second send impossible.
    await db.schema
      .createTable('digest_deliveries')
      .addColumn('period_key', 'text', (c) => c.notNull())
      .addColumn('destination', 'text', (c) => c.notNull())
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('cutoff', 'text')
      .addColumn('issue_keys', 'text')
      .addColumn('message_id', 'text')
      .addColumn('error', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('digest_deliveries_pk', ['period_key', 'destination'])
      .execute();
    await db.schema
      .createIndex('digest_deliveries_by_destination')
      .on('digest_deliveries')
      .columns(['destination', 'status', 'cutoff'])
      .execute();
    await db.schema
      .createTable('digest_dm_optins')
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('digest_dm_optins_pk', ['platform', 'workspace_id', 'user_id'])
      .execute();
    // SQLite has no advisory locks: a lease row keeps a CLI `digest --send` and the bot from both sending.
    await db.schema
      .createTable('digest_locks')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('digest_locks').execute();
    await db.schema.dropTable('digest_dm_optins').execute();
    await db.schema.dropTable('digest_deliveries').execute();
    await db.schema.dropTable('digest_runs').execute();
  },
});

// People the bot has met (with their chosen language) and the SIGs they follow.
import type { Kysely } from 'kysely';
import type { MigrationFactory } from './index.js';

export const foundation: MigrationFactory = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('users')
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('locale', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('users_pk', ['platform', 'workspace_id', 'user_id'])
      .execute();
    await db.schema
      .createTable('subscriptions')
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('sig_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('subscriptions_pk', ['platform', 'workspace_id', 'user_id', 'sig_id'])
      .execute();
    await db.schema.createIndex('subscriptions_by_sig').on('subscriptions').column('sig_id').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('subscriptions').execute();
    await db.schema.dropTable('users').execute();
  },
});

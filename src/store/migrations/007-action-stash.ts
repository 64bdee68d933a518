// What Discord buttons and menus point to when it does not fit their 100 characters, shared by every replica.
import type { Kysely } from 'kysely';
import type { MigrationFactory } from './index.js';

export const actionStash: MigrationFactory = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('action_stash')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('stored_at', 'text', (c) => c.notNull())
      .execute();
    // Pruning deletes by age.
    await db.schema.createIndex('action_stash_by_time').on('action_stash').column('stored_at').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('action_stash').execute();
  },
});

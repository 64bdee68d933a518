// Mentors per group, their pause, and each request for help with a claimed issue (who was asked, who accepted).
import type { Kysely } from 'kysely';
import type { MigrationFactory } from './index.js';

export const mentors: MigrationFactory = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('mentors')
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('group_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('mentors_pk', ['platform', 'workspace_id', 'user_id', 'group_id'])
      .execute();
    await db.schema
      .createIndex('mentors_by_group')
      .on('mentors')
      .columns(['group_id', 'platform', 'workspace_id'])
      .execute();
    // A pause covers every group the person mentors: "not now" is about the person, not the group.
    await db.schema
      .createTable('mentor_pauses')
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('paused_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('mentor_pauses_pk', ['platform', 'workspace_id', 'user_id'])
      .execute();
    // One row per claim that asked for help; the mentor is on the newcomer's platform and workspace. Display names
    // are kept so an introduction can name each to the other without a directory lookup or a mention.
    await db.schema
      .createTable('mentorships')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('claim_id', 'text', (c) => c.notNull().unique())
      .addColumn('issue_key', 'text', (c) => c.notNull())
      .addColumn('group_id', 'text')
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('user_name', 'text', (c) => c.notNull())
      .addColumn('mentor_id', 'text')
      .addColumn('mentor_name', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('declined', 'text', (c) => c.notNull())
      .addColumn('asked_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('mentorships_by_mentor')
      .on('mentorships')
      .columns(['platform', 'workspace_id', 'mentor_id', 'status'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('mentorships').execute();
    await db.schema.dropTable('mentor_pauses').execute();
    await db.schema.dropTable('mentors').execute();
  },
});

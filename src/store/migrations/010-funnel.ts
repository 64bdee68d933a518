// The newcomer funnel: each person's first time at each step, the anonymous counts left once rows are erased or old,
// and the group leads who asked for a weekly lead note.
import type { Kysely } from 'kysely';
import type { MigrationFactory } from './index.js';

export const funnel: MigrationFactory = () => ({
  async up(db: Kysely<unknown>) {
    // The primary key is what makes "the first time" hold across replicas: a second insert does nothing.
    await db.schema
      .createTable('funnel_events')
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('step', 'text', (c) => c.notNull())
      .addColumn('group_id', 'text')
      .addColumn('language', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('funnel_events_pk', ['platform', 'workspace_id', 'user_id', 'step'])
      .execute();
    // Reports and retention read by time.
    await db.schema.createIndex('funnel_events_by_time').on('funnel_events').column('at').execute();
    // No person in here: '' stands for "no group" or "no language" because key columns cannot be null.
    await db.schema
      .createTable('funnel_counts')
      .addColumn('week', 'text', (c) => c.notNull())
      .addColumn('step', 'text', (c) => c.notNull())
      .addColumn('group_id', 'text', (c) => c.notNull())
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('funnel_counts_pk', ['week', 'step', 'group_id', 'platform', 'language'])
      .execute();
    // Group leads who asked for the weekly lead note, per group (personal data: erased with the person).
    await db.schema
      .createTable('lead_note_optins')
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('group_id', 'text', (c) => c.notNull())
      .addColumn('locale', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('lead_note_optins_pk', ['platform', 'workspace_id', 'user_id', 'group_id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('lead_note_optins').execute();
    await db.schema.dropTable('funnel_counts').execute();
    await db.schema.dropTable('funnel_events').execute();
  },
});

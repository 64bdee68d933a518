// Events already handled, per platform, so a redelivered event (Slack retries, gateway replays) is answered once.
import type { Kysely } from 'kysely';
import type { MigrationFactory } from './index.js';

export const events: MigrationFactory = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('processed_events')
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('seen_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('processed_events_pk', ['platform', 'event_id'])
      .execute();
    // Pruning deletes by age.
    await db.schema.createIndex('processed_events_by_time').on('processed_events').column('seen_at').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('processed_events').execute();
  },
});

// The language a person last wrote in, kept apart from the one they chose, for clicks and messages sent later.
import type { Kysely } from 'kysely';
import type { MigrationFactory } from './index.js';

export const seenLocale: MigrationFactory = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('users').addColumn('seen_locale', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('users').dropColumn('seen_locale').execute();
  },
});

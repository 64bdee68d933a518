// The lock table holds every scheduled job's lock, not only the digest's: renamed, and it records its holder.
import type { Kysely } from 'kysely';
import type { MigrationFactory } from './index.js';

export const jobLocks: MigrationFactory = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('digest_locks').renameTo('job_locks').execute();
    // Who holds a lock (host and pid) lets a runner on the same host take over from a dead one at once,
    // and lets a refused runner say who holds it and since when. One column per statement: SQLite's rule.
    await db.schema.alterTable('job_locks').addColumn('host', 'text').execute();
    await db.schema.alterTable('job_locks').addColumn('pid', 'integer').execute();
    await db.schema.alterTable('job_locks').addColumn('acquired_at', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('job_locks').dropColumn('acquired_at').execute();
    await db.schema.alterTable('job_locks').dropColumn('pid').execute();
    await db.schema.alterTable('job_locks').dropColumn('host').execute();
    await db.schema.alterTable('job_locks').renameTo('digest_locks').execute();
  },
});

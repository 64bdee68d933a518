// Everything the store keeps about one person, to show it, export it, or erase it (a privacy request).
import { sql, type Kysely } from 'kysely';
import type { Engine } from './database.js';
import type { FunnelRepo } from './funnel.js';
import type { FunnelStep } from './funnel-steps.js';
import type { Tables } from './tables.js';
import { whereUser, type UserKey } from './users.js';

export interface PersonalRecord {
  /** The language they chose, and the one they last wrote in. */
  locale: string | null;
  seenLocale: string | null;
  groups: string[];
  digestByDm: boolean;
  githubLogin: string | null;
  /** Issues they hold now. */
  claims: { owner: string; repo: string; number: number; title: string; since: Date }[];
  /** Issues they wait for. */
  waiting: { owner: string; repo: string; number: number; title: string; since: Date }[];
  /** When the bot last listed issues to them (the list itself is only issue numbers). */
  lastListingAt: Date | null;
  funnel: { step: FunnelStep; group: string | null; language: string | null; at: Date }[];
  /** Groups whose weekly lead note they asked for. */
  leadNotes: string[];
}

export interface Erased {
  language: boolean;
  groups: number;
  digestByDm: boolean;
  githubLogin: boolean;
  /** Open claims given back: the next person waiting is told by the follow-up job, as for a give-up. */
  released: { owner: string; repo: string; number: number }[];
  waiting: number;
  funnelSteps: number;
}

export interface PersonalDataRepo {
  describe(user: UserKey): Promise<PersonalRecord>;
  /**
   * Erases the person: their rows go, open claims are released, funnel steps become anonymous counts, and
   * past claims stay only as "an issue was claimed then" with nobody named. On SQLite the erased bytes are
   * overwritten (secure_delete) and the write-ahead log is emptied, so the file keeps nothing readable.
   */
  erase(user: UserKey, now: Date): Promise<Erased>;
  /** The workspaces in which a platform's user id has rows (an operator may know only the id). */
  workspacesOf(platform: string, userId: string): Promise<string[]>;
}

/** Who a claim row names once its holder is erased: the issue's history stays, the person does not. */
export const ERASED = 'erased';

export function createPersonalDataRepo(db: Kysely<Tables>, engine: Engine, funnel: FunnelRepo): PersonalDataRepo {
  const who = (user: UserKey) => whereUser(user);
  return {
    async workspacesOf(platform, userId) {
      const tables = [
        'users',
        'subscriptions',
        'digest_dm_optins',
        'claims',
        'claim_waitlist',
        'issue_listings',
        'funnel_events',
      ] as const;
      const found = new Set<string>();
      for (const table of tables) {
        const rows = await db
          .selectFrom(table as 'users')
          .select('workspace_id')
          .distinct()
          .where('platform', '=', platform)
          .where('user_id', '=', userId)
          .execute();
        for (const r of rows) found.add(r.workspace_id);
      }
      return [...found].sort();
    },
    async describe(user) {
      const u = await db
        .selectFrom('users')
        .selectAll()
        .where((eb) => eb.and(who(user)))
        .executeTakeFirst();
      const subs = await db
        .selectFrom('subscriptions')
        .select('sig_id')
        .where((eb) => eb.and(who(user)))
        .orderBy('created_at')
        .orderBy('sig_id')
        .execute();
      const dm = await db
        .selectFrom('digest_dm_optins')
        .select('user_id')
        .where((eb) => eb.and(who(user)))
        .executeTakeFirst();
      const claims = await db
        .selectFrom('claims')
        .selectAll()
        .where((eb) => eb.and(who(user)))
        .where('status', '=', 'open')
        .orderBy('created_at')
        .execute();
      const waits = await db
        .selectFrom('claim_waitlist')
        .selectAll()
        .where((eb) => eb.and(who(user)))
        .orderBy('created_at')
        .execute();
      const listing = await db
        .selectFrom('issue_listings')
        .select('created_at')
        .where((eb) => eb.and(who(user)))
        .executeTakeFirst();
      const issue = (r: { owner: string; repo: string; number: number; title: string; created_at: string }) => ({
        owner: r.owner,
        repo: r.repo,
        number: Number(r.number),
        title: r.title,
        since: new Date(r.created_at),
      });
      return {
        locale: u?.locale ?? null,
        seenLocale: u?.seen_locale ?? null,
        groups: subs.map((s) => s.sig_id),
        digestByDm: dm !== undefined,
        githubLogin: u?.github_login ?? null,
        claims: claims.map(issue),
        waiting: waits.map(issue),
        lastListingAt: listing ? new Date(listing.created_at) : null,
        leadNotes: (
          await db
            .selectFrom('lead_note_optins')
            .select('group_id')
            .where((eb) => eb.and(who(user)))
            .orderBy('group_id')
            .execute()
        ).map((r) => r.group_id),
        funnel: (await funnel.forPerson(user)).map(({ step, group, language, at }) => ({ step, group, language, at })),
      };
    },
    async erase(user, now) {
      const before = await this.describe(user);
      const funnelSteps = await funnel.forget(user);
      const at = now.toISOString();
      const counts = await db.transaction().execute(async (trx) => {
        const gone = async (
          table:
            | 'subscriptions'
            | 'claim_waitlist'
            | 'issue_listings'
            | 'digest_dm_optins'
            | 'lead_note_optins'
            | 'users',
        ) =>
          Number(
            (
              await trx
                .deleteFrom(table)
                .where((eb) => eb.and(who(user)))
                .executeTakeFirst()
            ).numDeletedRows,
          );
        await trx
          .updateTable('claims')
          .set({ status: 'released', reason: 'gave_up', ended_at: at })
          .where((eb) => eb.and(who(user)))
          .where('status', '=', 'open')
          .execute();
        // Past and just-released claims keep the issue's history (the next person waiting is told from it).
        await trx
          .updateTable('claims')
          .set({ workspace_id: ERASED, user_id: ERASED })
          .where((eb) => eb.and(who(user)))
          .execute();
        // Mentor roles and help requests (their tables are the journey's own, so named here in SQL): as a
        // mentor they leave every group and pause; as a newcomer their requests go; as someone's mentor, unnamed.
        const { platform, workspaceId, userId } = user;
        for (const table of ['mentors', 'mentor_pauses', 'mentorships'])
          await sql`DELETE FROM ${sql.table(table)} WHERE platform = ${platform} AND workspace_id = ${workspaceId} AND user_id = ${userId}`.execute(
            trx,
          );
        await sql`UPDATE mentorships SET mentor_id = NULL, mentor_name = NULL WHERE platform = ${platform} AND workspace_id = ${workspaceId} AND mentor_id = ${userId}`.execute(
          trx,
        );
        // The digests sent to them by direct message name them as the destination.
        await trx
          .deleteFrom('digest_deliveries')
          .where('platform', '=', user.platform)
          .where('workspace_id', '=', user.workspaceId)
          .where('kind', '=', 'user')
          .where('target_id', '=', user.userId)
          .execute();
        return {
          groups: await gone('subscriptions'),
          waiting: await gone('claim_waitlist'),
          listing: await gone('issue_listings'),
          leads: await gone('lead_note_optins'),
          dm: await gone('digest_dm_optins'),
          users: await gone('users'),
        };
      });
      // Deleted rows are zeroed in place (secure_delete); the log still holds earlier page images until emptied.
      if (engine === 'sqlite') await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
      return {
        language: before.locale !== null || before.seenLocale !== null,
        groups: counts.groups,
        digestByDm: counts.dm > 0,
        githubLogin: before.githubLogin !== null,
        released: before.claims.map(({ owner, repo, number }) => ({ owner, repo, number })),
        waiting: counts.waiting,
        funnelSteps,
      };
    },
  };
}

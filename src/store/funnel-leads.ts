// Which group leads asked for the weekly lead note, for which groups, and in which language.
import type { Kysely } from 'kysely';
import type { Tables } from './tables.js';
import { whereUser, type UserKey } from './users.js';

export interface LeadOptIn {
  user: UserKey;
  group: string;
  locale: string | null;
}

export interface LeadNoteRepo {
  /** True when that changed something. */
  set(user: UserKey, group: string, on: boolean, locale: string | null, now: Date): Promise<boolean>;
  /** The groups the person gets a note for. */
  groupsOf(user: UserKey): Promise<string[]>;
  all(): Promise<LeadOptIn[]>;
}

export function createLeadNoteRepo(db: Kysely<Tables>): LeadNoteRepo {
  return {
    async set(user, group, on, locale, now) {
      if (on) {
        const r = await db
          .insertInto('lead_note_optins')
          .values({ ...whereUser(user), group_id: group, locale, created_at: now.toISOString() })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
      }
      const r = await db
        .deleteFrom('lead_note_optins')
        .where((eb) => eb.and(whereUser(user)))
        .where('group_id', '=', group)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async groupsOf(user) {
      const rows = await db
        .selectFrom('lead_note_optins')
        .select('group_id')
        .where((eb) => eb.and(whereUser(user)))
        .orderBy('group_id')
        .execute();
      return rows.map((r) => r.group_id);
    },
    async all() {
      const rows = await db
        .selectFrom('lead_note_optins')
        .selectAll()
        .orderBy('group_id')
        .orderBy('platform')
        .orderBy('workspace_id')
        .orderBy('user_id')
        .execute();
      return rows.map((r) => ({
        user: { platform: r.platform, workspaceId: r.workspace_id, userId: r.user_id },
        group: r.group_id,
        locale: r.locale,
      }));
    },
  };
}

// People the bot has met, keyed by platform + workspace + user, with the language they chose.
import type { Kysely } from 'kysely';
import type { Locale } from '../core/types.js';
import type { Tables } from './tables.js';

export interface UserKey {
  platform: string;
  workspaceId: string;
  userId: string;
}

export interface UserRecord extends UserKey {
  /** The language the person chose (`/language`). */
  locale: Locale | null;
  /** The language of their last clear message: answers clicks, reminders and digests when they chose none. */
  seenLocale: Locale | null;
}

/** The language to write to someone in, when nothing in the moment says otherwise. */
export function preferredLocale(record: Pick<UserRecord, 'locale' | 'seenLocale'> | null): Locale | null {
  return record?.locale ?? record?.seenLocale ?? null;
}

export interface UserRepo {
  get(key: UserKey): Promise<UserRecord | null>;
  /** Sets (or with null, forgets) the person's language, creating the record when needed. */
  setLocale(key: UserKey, locale: Locale | null, now: Date): Promise<void>;
  /** Remembers the language the person just wrote in (called only when it changed). */
  noteSeenLocale(key: UserKey, locale: Locale, now: Date): Promise<void>;
}

/** A person's key columns: spread into a row, or matched with `.where((eb) => eb.and(whereUser(key)))`. */
export const whereUser = (key: UserKey) =>
  ({ platform: key.platform, workspace_id: key.workspaceId, user_id: key.userId }) as const;

export function createUserRepo(db: Kysely<Tables>): UserRepo {
  return {
    async get(key) {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where((eb) => eb.and(whereUser(key)))
        .executeTakeFirst();
      return row
        ? {
            ...key,
            locale: (row.locale as Locale | null) ?? null,
            seenLocale: (row.seen_locale as Locale | null) ?? null,
          }
        : null;
    },
    async noteSeenLocale(key, locale, now) {
      const at = now.toISOString();
      await db
        .insertInto('users')
        .values({ ...whereUser(key), locale: null, seen_locale: locale, created_at: at, updated_at: at })
        .onConflict((oc) =>
          oc.columns(['platform', 'workspace_id', 'user_id']).doUpdateSet({ seen_locale: locale, updated_at: at }),
        )
        .execute();
    },
    async setLocale(key, locale, now) {
      const at = now.toISOString();
      await db
        .insertInto('users')
        .values({ ...whereUser(key), locale, created_at: at, updated_at: at })
        .onConflict((oc) => oc.columns(['platform', 'workspace_id', 'user_id']).doUpdateSet({ locale, updated_at: at }))
        .execute();
    },
  };
}

// Each person's GitHub login (stored on their user row): used only to notice progress, never as proof of identity.
import type { Kysely } from 'kysely';
import type { Tables } from './tables.js';
import { whereUser, type UserKey } from './users.js';

export interface GithubLogin {
  login: string | null;
  /** When the bot asked for it, so it asks once. */
  askedAt: Date | null;
}

export interface GithubLoginRepo {
  get(user: UserKey): Promise<GithubLogin>;
  /** Sets (or with null, forgets) the login. */
  set(user: UserKey, login: string | null, now: Date): Promise<void>;
  markAsked(user: UserKey, now: Date): Promise<void>;
}

export function createGithubLoginRepo(db: Kysely<Tables>): GithubLoginRepo {
  const upsert = async (
    user: UserKey,
    values: { github_login?: string | null; github_asked_at?: string },
    now: Date,
  ) => {
    const at = now.toISOString();
    await db
      .insertInto('users')
      .values({ ...whereUser(user), locale: null, created_at: at, updated_at: at, ...values })
      .onConflict((oc) =>
        oc.columns(['platform', 'workspace_id', 'user_id']).doUpdateSet({ ...values, updated_at: at }),
      )
      .execute();
  };
  return {
    async get(user) {
      const row = await db
        .selectFrom('users')
        .select(['github_login', 'github_asked_at'])
        .where((eb) => eb.and(whereUser(user)))
        .executeTakeFirst();
      return { login: row?.github_login ?? null, askedAt: row?.github_asked_at ? new Date(row.github_asked_at) : null };
    },
    set: (user, login, now) => upsert(user, { github_login: login }, now),
    markAsked: (user, now) => upsert(user, { github_asked_at: now.toISOString() }, now),
  };
}

// The issues last listed to each person, so "#123" or "the second one" right after a listing is understood.
import type { Kysely } from 'kysely';
import type { IssueId } from './issues.js';
import type { Tables } from './tables.js';
import { whereUser, type UserKey } from './users.js';

export interface Listing {
  issues: IssueId[];
  at: Date;
}

export interface ListingRepo {
  remember(user: UserKey, issues: IssueId[], now: Date): Promise<void>;
  last(user: UserKey): Promise<Listing | null>;
}

export function createListingRepo(db: Kysely<Tables>): ListingRepo {
  return {
    async remember(user, issues, now) {
      const value = JSON.stringify(issues.map((i) => ({ owner: i.owner, repo: i.repo, number: i.number })));
      const created_at = now.toISOString();
      await db
        .insertInto('issue_listings')
        .values({ ...whereUser(user), issues: value, created_at })
        .onConflict((oc) =>
          oc.columns(['platform', 'workspace_id', 'user_id']).doUpdateSet({ issues: value, created_at }),
        )
        .execute();
    },
    async last(user) {
      const row = await db
        .selectFrom('issue_listings')
        .selectAll()
        .where((eb) => eb.and(whereUser(user)))
        .executeTakeFirst();
      return row ? { issues: JSON.parse(row.issues) as IssueId[], at: new Date(row.created_at) } : null;
    },
  };
}

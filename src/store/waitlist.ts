// Who is waiting for a claimed issue, in order, and whom we already told it was free again.
import type { Kysely, Selectable } from 'kysely';
import { issueKey, type IssueId } from './issues.js';
import type { Tables } from './tables.js';
import { whereUser, type UserKey } from './users.js';

export interface WaitedIssue extends IssueId {
  title: string;
  url: string;
}

export interface Waiter {
  user: UserKey;
  issue: WaitedIssue;
  createdAt: Date;
  notifiedAt: Date | null;
}

export interface WaitlistRepo {
  /** Adds the person once; `position` counts only people not yet told. */
  join(user: UserKey, issue: WaitedIssue, now: Date): Promise<{ position: number; added: boolean }>;
  leave(user: UserKey, issue: IssueId): Promise<boolean>;
  /** The first person not yet told, if any. */
  next(issue: IssueId): Promise<Waiter | null>;
  /**
   * Marks the first person not yet told as told and returns them, unless someone was told within the last
   * `turnMs` (it is still their turn) or a claim is open on the issue: one conditional UPDATE, so two
   * runners never tell two people at once. Null when there is nobody to tell now.
   */
  tellNext(issue: IssueId, now: Date, turnMs: number): Promise<Waiter | null>;
  /** Issues with someone not yet told. */
  waitedFor(): Promise<WaitedIssue[]>;
  /** Empties the issue's waitlist (it was closed: there is nothing to wait for); returns how many left it. */
  clear(issue: IssueId): Promise<number>;
  /** Marks the person as told, only if they were not (one message even with two runners); null takes it back. */
  notified(user: UserKey, issue: IssueId, at: Date | null): Promise<boolean>;
}

function toWaiter(row: Selectable<Tables['claim_waitlist']>): Waiter {
  return {
    user: { platform: row.platform, workspaceId: row.workspace_id, userId: row.user_id },
    issue: { owner: row.owner, repo: row.repo, number: Number(row.number), title: row.title, url: row.url },
    createdAt: new Date(row.created_at),
    notifiedAt: row.notified_at ? new Date(row.notified_at) : null,
  };
}

export function createWaitlistRepo(db: Kysely<Tables>): WaitlistRepo {
  const mine = (user: UserKey, issue: IssueId) =>
    db
      .selectFrom('claim_waitlist')
      .where('issue_key', '=', issueKey(issue))
      .where((eb) => eb.and(whereUser(user)));
  /** Those still waiting for the issue, in turn order: who came first, then a stable tie-break. */
  const queue = (issue: IssueId) =>
    db
      .selectFrom('claim_waitlist')
      .where('issue_key', '=', issueKey(issue))
      .where('notified_at', 'is', null)
      .orderBy('created_at')
      .orderBy('platform')
      .orderBy('workspace_id')
      .orderBy('user_id');
  const next = async (issue: IssueId) => {
    const row = await queue(issue).selectAll().executeTakeFirst();
    return row ? toWaiter(row) : null;
  };
  return {
    async join(user, issue, now) {
      const existing = await mine(user, issue).select(['created_at', 'notified_at']).executeTakeFirst();
      let added = false;
      if (!existing) {
        await db
          .insertInto('claim_waitlist')
          .values({
            issue_key: issueKey(issue),
            ...whereUser(user),
            owner: issue.owner,
            repo: issue.repo,
            number: issue.number,
            title: issue.title,
            url: issue.url,
            created_at: now.toISOString(),
            notified_at: null,
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
        added = true;
      } else if (existing.notified_at) {
        // Told once and asking again: back in the queue, at the end.
        await db
          .updateTable('claim_waitlist')
          .set({ notified_at: null, created_at: now.toISOString() })
          .where('issue_key', '=', issueKey(issue))
          .where((eb) => eb.and(whereUser(user)))
          .execute();
        added = true;
      }
      const waiting = await queue(issue).select(['platform', 'workspace_id', 'user_id']).execute();
      const position =
        waiting.findIndex(
          (r) => r.platform === user.platform && r.workspace_id === user.workspaceId && r.user_id === user.userId,
        ) + 1;
      return { position, added };
    },
    async leave(user, issue) {
      const result = await db
        .deleteFrom('claim_waitlist')
        .where('issue_key', '=', issueKey(issue))
        .where((eb) => eb.and(whereUser(user)))
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    next,
    async tellNext(issue, now, turnMs) {
      const first = await next(issue);
      if (!first) return null;
      const key = issueKey(issue);
      const since = new Date(now.getTime() - turnMs).toISOString();
      // The turn and the claim are checked in the same statement as the write: a runner that read the queue
      // before another one told someone finds the condition false here, instead of telling the next person too.
      const result = await db
        .updateTable('claim_waitlist')
        .set({ notified_at: now.toISOString() })
        .where('issue_key', '=', key)
        .where((eb) => eb.and(whereUser(first.user)))
        .where('notified_at', 'is', null)
        .where((eb) =>
          eb.and([
            eb.not(
              eb.exists(
                eb
                  .selectFrom('claim_waitlist as told')
                  .select('told.issue_key')
                  .where('told.issue_key', '=', key)
                  .where('told.notified_at', '>', since),
              ),
            ),
            eb.not(
              eb.exists(
                eb
                  .selectFrom('claims')
                  .select('claims.id')
                  .where('claims.issue_key', '=', key)
                  .where('claims.status', '=', 'open'),
              ),
            ),
          ]),
        )
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0 ? { ...first, notifiedAt: now } : null;
    },
    async waitedFor() {
      const rows = await db
        .selectFrom('claim_waitlist')
        .select(['owner', 'repo', 'number', 'title', 'url', 'issue_key'])
        .where('notified_at', 'is', null)
        .orderBy('issue_key')
        .orderBy('created_at')
        .execute();
      const byKey = new Map<string, WaitedIssue>();
      for (const r of rows)
        if (!byKey.has(r.issue_key))
          byKey.set(r.issue_key, {
            owner: r.owner,
            repo: r.repo,
            number: Number(r.number),
            title: r.title,
            url: r.url,
          });
      return [...byKey.values()];
    },
    async clear(issue) {
      const result = await db.deleteFrom('claim_waitlist').where('issue_key', '=', issueKey(issue)).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async notified(user, issue, at) {
      let q = db
        .updateTable('claim_waitlist')
        .set({ notified_at: at ? at.toISOString() : null })
        .where('issue_key', '=', issueKey(issue))
        .where((eb) => eb.and(whereUser(user)));
      if (at) q = q.where('notified_at', 'is', null);
      const result = await q.executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}

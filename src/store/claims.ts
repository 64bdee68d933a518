// Claims: who said "I want to work on this" about which issue, and how that ended.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Engine } from './database.js';
import { issueKey, type IssueId } from './issues.js';
import type { Tables } from './tables.js';
import { whereUser, type UserKey } from './users.js';

export type ClaimStatus = 'open' | 'released' | 'done';
/** Why a claim ended: the person gave up, stayed silent too long, the issue closed, or someone else got it. */
export type ClaimEnd = 'gave_up' | 'inactive' | 'closed' | 'taken';

export interface ClaimIssue extends IssueId {
  title: string;
  url: string;
  sigId: string | null;
}

export interface Claim extends ClaimIssue {
  id: string;
  user: UserKey;
  key: string;
  status: ClaimStatus;
  reason: ClaimEnd | null;
  createdAt: Date;
  /** Last sign of progress seen on GitHub (assigned, commented, a linked pull request). */
  progressAt: Date | null;
  remindedAt: Date | null;
  endedAt: Date | null;
}

/** Since when a claim has shown no sign of progress: its start, or the last progress seen on GitHub. */
export const quietSince = (claim: Pick<Claim, 'createdAt' | 'progressAt'>): number =>
  Math.max(claim.createdAt.getTime(), claim.progressAt?.getTime() ?? 0);

/**
 * `created`: the issue is theirs now; `held`: an open claim on it exists (whose holder may be this very
 * person, clicking twice); `full`: they already hold `maxOpen` claims, listed in `mine`.
 */
export type OpenResult =
  | { kind: 'created'; claim: Claim }
  | { kind: 'held'; claim: Claim }
  | { kind: 'full'; mine: Claim[] };

export interface ClaimRepo {
  /**
   * Opens a claim unless one is open on the issue or the person already holds `maxOpen`. Both rules are
   * decided here, atomically, so two clicks at the same moment cannot get around either.
   */
  open(user: UserKey, issue: ClaimIssue, now: Date, maxOpen?: number): Promise<OpenResult>;
  openFor(user: UserKey): Promise<Claim[]>;
  openOn(issue: IssueId): Promise<Claim | null>;
  /** The issue's latest claim, open or ended (how it ended decides whether its waitlist is told). */
  lastOn(issue: IssueId): Promise<Claim | null>;
  allOpen(): Promise<Claim[]>;
  /** Ends an open claim; false when it was not open any more. */
  end(id: string, status: Exclude<ClaimStatus, 'open'>, reason: ClaimEnd, now: Date): Promise<boolean>;
  /** Records progress; a later silence starts the reminder clock again. */
  progress(id: string, at: Date): Promise<void>;
  /**
   * Marks the reminder as sent, only if none was (so two runners never both send it); null takes the
   * mark back when the message could not be delivered.
   */
  reminded(id: string, at: Date | null): Promise<boolean>;
}

const date = (v: string | null) => (v ? new Date(v) : null);

function toClaim(row: Selectable<Tables['claims']>): Claim {
  return {
    id: row.id,
    user: { platform: row.platform, workspaceId: row.workspace_id, userId: row.user_id },
    key: row.issue_key,
    owner: row.owner,
    repo: row.repo,
    number: Number(row.number),
    title: row.title,
    url: row.url,
    sigId: row.sig_id,
    status: row.status as ClaimStatus,
    reason: row.reason as ClaimEnd | null,
    createdAt: new Date(row.created_at),
    progressAt: date(row.progress_at),
    remindedAt: date(row.reminded_at),
    endedAt: date(row.ended_at),
  };
}

export function createClaimRepo(db: Kysely<Tables>, engine: Engine): ClaimRepo {
  const openOn = async (issue: IssueId, on: Kysely<Tables> = db) => {
    const row = await on
      .selectFrom('claims')
      .selectAll()
      .where('issue_key', '=', issueKey(issue))
      .where('status', '=', 'open')
      .executeTakeFirst();
    return row ? toClaim(row) : null;
  };
  const openFor = async (user: UserKey, on: Kysely<Tables> = db) => {
    const rows = await on
      .selectFrom('claims')
      .selectAll()
      .where((eb) => eb.and(whereUser(user)))
      .where('status', '=', 'open')
      .orderBy('created_at')
      .execute();
    return rows.map(toClaim);
  };
  return {
    async open(user, issue, now, maxOpen = Infinity) {
      const row = {
        id: randomUUID(),
        ...whereUser(user),
        issue_key: issueKey(issue),
        owner: issue.owner,
        repo: issue.repo,
        number: issue.number,
        title: issue.title,
        url: issue.url,
        sig_id: issue.sigId,
        status: 'open',
        reason: null,
        created_at: now.toISOString(),
        progress_at: null,
        reminded_at: null,
        ended_at: null,
      };
      return db.transaction().execute(async (trx): Promise<OpenResult> => {
        // One person's claims open one at a time: PostgreSQL serializes them on a lock of theirs (two keys, a
        // space apart from the jobs' one-key locks), SQLite's write transaction does it already.
        if (engine === 'postgres')
          await sql`select pg_advisory_xact_lock(hashtext(${'onramp.claims:'} || current_schema()), hashtext(${`${user.platform}:${user.workspaceId}:${user.userId}`}))`.execute(
            trx,
          );
        // The partial unique index decides between two people asking at the same moment.
        const result = await trx
          .insertInto('claims')
          .values(row)
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) {
          const holder = await openOn(issue, trx);
          if (!holder) throw new Error('claim conflict without an open claim');
          return { kind: 'held', claim: holder };
        }
        // Counted after the insert, under the lock: whatever the timing, only the first `maxOpen` stay.
        const mine = await openFor(user, trx);
        if (mine.length > maxOpen) {
          await trx.deleteFrom('claims').where('id', '=', row.id).execute();
          return { kind: 'full', mine: mine.filter((c) => c.id !== row.id) };
        }
        return { kind: 'created', claim: toClaim(row) };
      });
    },
    openFor: (user) => openFor(user),
    openOn: (issue) => openOn(issue),
    async lastOn(issue) {
      const row = await db
        .selectFrom('claims')
        .selectAll()
        .where('issue_key', '=', issueKey(issue))
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirst();
      return row ? toClaim(row) : null;
    },
    async allOpen() {
      const rows = await db
        .selectFrom('claims')
        .selectAll()
        .where('status', '=', 'open')
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toClaim);
    },
    async end(id, status, reason, now) {
      const result = await db
        .updateTable('claims')
        .set({ status, reason, ended_at: now.toISOString() })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async progress(id, at) {
      const row = await db.selectFrom('claims').select('progress_at').where('id', '=', id).executeTakeFirst();
      if (!row || (row.progress_at && row.progress_at >= at.toISOString())) return;
      await db
        .updateTable('claims')
        .set({ progress_at: at.toISOString(), reminded_at: null })
        .where('id', '=', id)
        .execute();
    },
    async reminded(id, at) {
      let q = db
        .updateTable('claims')
        .set({ reminded_at: at ? at.toISOString() : null })
        .where('id', '=', id);
      if (at) q = q.where('reminded_at', 'is', null).where('status', '=', 'open');
      const result = await q.executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}

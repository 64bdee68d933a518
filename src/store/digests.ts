// The digest ledger: runs per period, one delivery row per destination, and DM opt-ins (the run lock is a job lock).
import type { Kysely } from 'kysely';
import type { Locale } from '../core/types.js';
import type { DigestDeliveriesTable, Tables } from './tables.js';
import { preferredLocale, whereUser, type UserKey } from './users.js';

/**
 * pending → sending → sent | failed | pending (rate limited, tried again in the same run);
 * pending | failed → empty (nothing new) | cancelled (the person turned DMs off);
 * sending left behind by a runner that died → uncertain (never sent again, see README "Digests").
 */
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'empty' | 'failed' | 'uncertain' | 'cancelled';
export type RunStatus = 'running' | 'incomplete' | 'done';

export interface PlannedDelivery {
  destination: string;
  platform: string;
  workspaceId: string;
  kind: 'channel' | 'user';
  targetId: string;
}

export interface DeliveryRow extends PlannedDelivery {
  status: DeliveryStatus;
  /** Failed attempts (a 429 that was waited out does not count). */
  attempts: number;
  /** Issues claimable up to this instant were considered; the next digest starts after it. */
  cutoff: Date | null;
  issueKeys: string[];
  messageId: string | null;
  error: string | null;
}

export interface DigestRun {
  periodKey: string;
  status: RunStatus;
  planned: boolean;
  startedAt: Date;
}

export interface DmRecipient extends UserKey {
  locale: Locale | null;
  /** The SIGs they follow, in the order they joined them. */
  sigIds: string[];
}

export interface Settlement {
  status: DeliveryStatus;
  cutoff?: Date;
  issueKeys?: string[];
  messageId?: string | null;
  error?: string | null;
  /** Counts one more failed attempt. */
  failed?: boolean;
}

export interface DigestRepo {
  /** Turns DM digests on or off for a person; true when that changed something. */
  setDm(key: UserKey, on: boolean, now: Date): Promise<boolean>;
  dmOn(key: UserKey): Promise<boolean>;
  /** Everyone with DM digests on, with their language and the SIGs they follow (possibly none). */
  dmRecipients(): Promise<DmRecipient[]>;

  /** Creates the period's run when it does not exist yet, and returns it. */
  openRun(periodKey: string, now: Date): Promise<DigestRun>;
  markPlanned(periodKey: string, now: Date): Promise<void>;
  finishRun(periodKey: string, status: RunStatus, now: Date): Promise<void>;

  /** Adds a pending row per destination; rows that already exist are left as they are. */
  plan(periodKey: string, deliveries: PlannedDelivery[], now: Date): Promise<void>;
  deliveries(periodKey: string): Promise<DeliveryRow[]>;
  /** A runner died mid-send: its `sending` rows become `uncertain`. Returns how many. */
  markInterrupted(periodKey: string, now: Date): Promise<number>;
  /** pending|failed → sending, atomically; false when the row was not in one of those states. */
  claim(periodKey: string, destination: string, now: Date): Promise<boolean>;
  /** Moves a row from one of `from` to the settlement's status; false when it was in none of them. */
  settle(periodKey: string, destination: string, from: DeliveryStatus[], to: Settlement, now: Date): Promise<boolean>;
  /** The latest cutoff of a digest each destination received (sent, or found nothing new). */
  lastCutoffs(): Promise<Map<string, Date>>;
}

const PLAN_CHUNK = 500;

function toRow(r: DigestDeliveriesTable): DeliveryRow {
  return {
    destination: r.destination,
    platform: r.platform,
    workspaceId: r.workspace_id,
    kind: r.kind as DeliveryRow['kind'],
    targetId: r.target_id,
    status: r.status as DeliveryStatus,
    attempts: Number(r.attempts),
    cutoff: r.cutoff ? new Date(r.cutoff) : null,
    issueKeys: r.issue_keys ? (JSON.parse(r.issue_keys) as string[]) : [],
    messageId: r.message_id,
    error: r.error,
  };
}

export function createDigestRepo(db: Kysely<Tables>): DigestRepo {
  const row = (periodKey: string, destination: string) =>
    db.updateTable('digest_deliveries').where('period_key', '=', periodKey).where('destination', '=', destination);

  return {
    async setDm(key, on, now) {
      if (on) {
        const r = await db
          .insertInto('digest_dm_optins')
          .values({ ...whereUser(key), created_at: now.toISOString() })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
      }
      const r = await db
        .deleteFrom('digest_dm_optins')
        .where((eb) => eb.and(whereUser(key)))
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async dmOn(key) {
      const r = await db
        .selectFrom('digest_dm_optins')
        .select('user_id')
        .where((eb) => eb.and(whereUser(key)))
        .executeTakeFirst();
      return r !== undefined;
    },
    async dmRecipients() {
      const rows = await db
        .selectFrom('digest_dm_optins as o')
        .leftJoin('users as u', (j) =>
          j
            .onRef('u.platform', '=', 'o.platform')
            .onRef('u.workspace_id', '=', 'o.workspace_id')
            .onRef('u.user_id', '=', 'o.user_id'),
        )
        .leftJoin('subscriptions as s', (j) =>
          j
            .onRef('s.platform', '=', 'o.platform')
            .onRef('s.workspace_id', '=', 'o.workspace_id')
            .onRef('s.user_id', '=', 'o.user_id'),
        )
        .select(['o.platform', 'o.workspace_id', 'o.user_id', 'u.locale', 'u.seen_locale', 's.sig_id'])
        .orderBy('o.platform')
        .orderBy('o.workspace_id')
        .orderBy('o.user_id')
        .orderBy('s.created_at')
        .orderBy('s.sig_id')
        .execute();
      const out: DmRecipient[] = [];
      for (const r of rows) {
        let last = out[out.length - 1];
        if (!last || last.platform !== r.platform || last.workspaceId !== r.workspace_id || last.userId !== r.user_id) {
          last = {
            platform: r.platform,
            workspaceId: r.workspace_id,
            userId: r.user_id,
            locale: preferredLocale({ locale: r.locale as Locale | null, seenLocale: r.seen_locale as Locale | null }),
            sigIds: [],
          };
          out.push(last);
        }
        if (r.sig_id) last.sigIds.push(r.sig_id);
      }
      return out;
    },

    async openRun(periodKey, now) {
      await db
        .insertInto('digest_runs')
        .values({
          period_key: periodKey,
          status: 'running',
          planned_at: null,
          started_at: now.toISOString(),
          finished_at: null,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      const r = await db
        .selectFrom('digest_runs')
        .selectAll()
        .where('period_key', '=', periodKey)
        .executeTakeFirstOrThrow();
      return {
        periodKey,
        status: r.status as RunStatus,
        planned: r.planned_at !== null,
        startedAt: new Date(r.started_at),
      };
    },
    async markPlanned(periodKey, now) {
      await db
        .updateTable('digest_runs')
        .set({ planned_at: now.toISOString() })
        .where('period_key', '=', periodKey)
        .execute();
    },
    async finishRun(periodKey, status, now) {
      await db
        .updateTable('digest_runs')
        .set({ status, finished_at: status === 'running' ? null : now.toISOString() })
        .where('period_key', '=', periodKey)
        .execute();
    },

    async plan(periodKey, deliveries, now) {
      for (let i = 0; i < deliveries.length; i += PLAN_CHUNK) {
        const values = deliveries.slice(i, i + PLAN_CHUNK).map((d) => ({
          period_key: periodKey,
          destination: d.destination,
          platform: d.platform,
          workspace_id: d.workspaceId,
          kind: d.kind,
          target_id: d.targetId,
          status: 'pending',
          attempts: 0,
          cutoff: null,
          issue_keys: null,
          message_id: null,
          error: null,
          updated_at: now.toISOString(),
        }));
        await db
          .insertInto('digest_deliveries')
          .values(values)
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    },
    async deliveries(periodKey) {
      const rows = await db
        .selectFrom('digest_deliveries')
        .selectAll()
        .where('period_key', '=', periodKey)
        .orderBy('destination')
        .execute();
      return rows.map(toRow);
    },
    async markInterrupted(periodKey, now) {
      const r = await db
        .updateTable('digest_deliveries')
        .set({
          status: 'uncertain',
          error: 'the runner stopped between claiming and recording this send',
          updated_at: now.toISOString(),
        })
        .where('period_key', '=', periodKey)
        .where('status', '=', 'sending')
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
    async claim(periodKey, destination, now) {
      const r = await row(periodKey, destination)
        .set({ status: 'sending', updated_at: now.toISOString() })
        .where('status', 'in', ['pending', 'failed'])
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async settle(periodKey, destination, from, to, now) {
      const r = await row(periodKey, destination)
        .set((eb) => ({
          status: to.status,
          updated_at: now.toISOString(),
          ...(to.cutoff ? { cutoff: to.cutoff.toISOString() } : {}),
          ...(to.issueKeys ? { issue_keys: JSON.stringify(to.issueKeys) } : {}),
          ...(to.messageId !== undefined ? { message_id: to.messageId } : {}),
          ...(to.error !== undefined ? { error: to.error === null ? null : to.error.slice(0, 500) } : {}),
          ...(to.failed ? { attempts: eb('attempts', '+', 1) } : {}),
        }))
        .where('status', 'in', from)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async lastCutoffs() {
      const rows = await db
        .selectFrom('digest_deliveries')
        .select(['destination', (eb) => eb.fn.max('cutoff').as('cutoff')])
        .where('status', 'in', ['sent', 'empty'])
        .groupBy('destination')
        .execute();
      return new Map(rows.filter((r) => r.cutoff).map((r) => [r.destination, new Date(r.cutoff as string)]));
    },
  };
}

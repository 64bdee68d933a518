// Funnel events: per person, the first time each step happened (pseudonymous: platform and ids, never text).
import { sql, type Kysely } from 'kysely';
import { FUNNEL_STEPS, weekOf, type FunnelStep } from './funnel-steps.js';
import type { FunnelEventsTable, Tables } from './tables.js';
import { whereUser, type UserKey } from './users.js';

export type { FunnelStep };

/** What is kept with a step: the group it concerns and the language the person was answered in. */
export interface FunnelFacts {
  group?: string | null;
  language?: string | null;
}

export interface FunnelEvent {
  user: UserKey;
  step: FunnelStep;
  group: string | null;
  language: string | null;
  at: Date;
}

/** Steps nobody can be traced back to, per week (its Monday, YYYY-MM-DD); '' group or language is null. */
export interface FunnelCount {
  week: string;
  step: FunnelStep;
  group: string | null;
  platform: string;
  language: string | null;
  count: number;
}

/** A time window, `since` included and `until` excluded; either may be open. */
export interface FunnelRange {
  since?: Date;
  until?: Date;
}

export interface FunnelRepo {
  /** Keeps the step the first time it happens to the person; true when this call was that first time. */
  record(user: UserKey, step: FunnelStep, facts: FunnelFacts, at: Date): Promise<boolean>;
  events(range?: FunnelRange): Promise<FunnelEvent[]>;
  /** Anonymous counts whose week starts inside the range. */
  counts(range?: FunnelRange): Promise<FunnelCount[]>;
  forPerson(user: UserKey): Promise<FunnelEvent[]>;
  /** Turns the person's rows into anonymous counts and deletes them, at once; returns how many rows. */
  forget(user: UserKey): Promise<number>;
  /** Does the same for every row older than `before` (retention); returns how many rows. */
  prune(before: Date): Promise<number>;
  /** People per step, identified and anonymous together: what the metrics endpoint shows. */
  totals(): Promise<Record<FunnelStep, number>>;
}

const toEvent = (r: FunnelEventsTable): FunnelEvent => ({
  user: { platform: r.platform, workspaceId: r.workspace_id, userId: r.user_id },
  step: r.step as FunnelStep,
  group: r.group_id,
  language: r.language,
  at: new Date(r.at),
});

/**
 * A step without a group (first contact) counts for the group the person picked, or failing that the first
 * group any of their steps names: a group's funnel then starts with the people who came to it.
 */
export function attributeGroups(events: FunnelEvent[]): FunnelEvent[] {
  const byPerson = new Map<string, FunnelEvent[]>();
  for (const e of events) {
    const k = `${e.user.platform}\u0000${e.user.workspaceId}\u0000${e.user.userId}`;
    byPerson.set(k, [...(byPerson.get(k) ?? []), e]);
  }
  return [...byPerson.values()].flatMap((mine) => {
    const picked = mine.find((e) => e.step === 'picked_group' && e.group)?.group;
    const first = [...mine].sort((a, b) => a.at.getTime() - b.at.getTime()).find((e) => e.group)?.group;
    const group = picked ?? first ?? null;
    return mine.map((e) => ({ ...e, group: e.group ?? group }));
  });
}

type Db = Kysely<Tables>;

/** A person's steps by time, and steps of the same instant in funnel order. */
export const inOrder = (a: FunnelEvent, b: FunnelEvent) =>
  a.at.getTime() - b.at.getTime() || FUNNEL_STEPS.indexOf(a.step) - FUNNEL_STEPS.indexOf(b.step);

/**
 * Deletes the rows and adds them to the anonymous counts, in one transaction. Only rows this call really
 * deleted are counted, so two runners (replicas, or a forget during a prune) never count a step twice.
 */
async function anonymise(db: Db, rows: FunnelEventsTable[]): Promise<number> {
  if (rows.length === 0) return 0;
  return db.transaction().execute(async (trx) => {
    const gone: FunnelEventsTable[] = [];
    for (const r of rows) {
      const result = await trx
        .deleteFrom('funnel_events')
        .where((eb) => eb.and({ platform: r.platform, workspace_id: r.workspace_id, user_id: r.user_id, step: r.step }))
        .executeTakeFirst();
      if (Number(result.numDeletedRows) > 0) gone.push(r);
    }
    const buckets = new Map<string, Tables['funnel_counts']>();
    for (const e of attributeGroups(gone.map(toEvent))) {
      const row = {
        week: weekOf(e.at),
        step: e.step,
        group_id: e.group ?? '',
        platform: e.user.platform,
        language: e.language ?? '',
        count: 0,
      };
      const k = [row.week, row.step, row.group_id, row.platform, row.language].join('\u0000');
      const bucket = buckets.get(k) ?? row;
      bucket.count += 1;
      buckets.set(k, bucket);
    }
    for (const values of buckets.values())
      await trx
        .insertInto('funnel_counts')
        .values(values)
        .onConflict((oc) =>
          oc
            .columns(['week', 'step', 'group_id', 'platform', 'language'])
            .doUpdateSet({ count: sql`funnel_counts.count + excluded.count` }),
        )
        .execute();
    return gone.length;
  });
}

export function createFunnelRepo(db: Db): FunnelRepo {
  const inRange = (range: FunnelRange = {}) => {
    let q = db.selectFrom('funnel_events').selectAll();
    if (range.since) q = q.where('at', '>=', range.since.toISOString());
    if (range.until) q = q.where('at', '<', range.until.toISOString());
    return q;
  };
  return {
    async record(user, step, facts, at) {
      const result = await db
        .insertInto('funnel_events')
        .values({
          ...whereUser(user),
          step,
          group_id: facts.group ?? null,
          language: facts.language ?? null,
          at: at.toISOString(),
        })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async events(range) {
      const rows = await inRange(range)
        .orderBy('at')
        .orderBy('platform')
        .orderBy('workspace_id')
        .orderBy('user_id')
        .orderBy('step')
        .execute();
      return rows.map(toEvent);
    },
    async counts(range = {}) {
      let q = db.selectFrom('funnel_counts').selectAll();
      if (range.since) q = q.where('week', '>=', range.since.toISOString().slice(0, 10));
      if (range.until) q = q.where('week', '<', range.until.toISOString().slice(0, 10));
      const rows = await q
        .orderBy('week')
        .orderBy('step')
        .orderBy('group_id')
        .orderBy('platform')
        .orderBy('language')
        .execute();
      return rows.map((r) => ({
        week: r.week,
        step: r.step as FunnelStep,
        group: r.group_id || null,
        platform: r.platform,
        language: r.language || null,
        count: Number(r.count),
      }));
    },
    async forPerson(user) {
      const rows = await db
        .selectFrom('funnel_events')
        .selectAll()
        .where((eb) => eb.and(whereUser(user)))
        .execute();
      return rows.map(toEvent).sort(inOrder);
    },
    async forget(user) {
      const rows = await db
        .selectFrom('funnel_events')
        .selectAll()
        .where((eb) => eb.and(whereUser(user)))
        .execute();
      return anonymise(db, rows);
    },
    async prune(before) {
      const rows = await db.selectFrom('funnel_events').selectAll().where('at', '<', before.toISOString()).execute();
      return anonymise(db, rows);
    },
    async totals() {
      const people = await db
        .selectFrom('funnel_events')
        .select(['step', db.fn.countAll<string | number>().as('n')])
        .groupBy('step')
        .execute();
      const anonymous = await db
        .selectFrom('funnel_counts')
        .select(['step', db.fn.sum<string | number>('count').as('n')])
        .groupBy('step')
        .execute();
      const out = { first_contact: 0, picked_group: 0, claimed: 0, pr_opened: 0, pr_merged: 0, second_contribution: 0 };
      for (const r of [...people, ...anonymous]) if (r.step in out) out[r.step as FunnelStep] += Number(r.n);
      return out;
    },
  };
}

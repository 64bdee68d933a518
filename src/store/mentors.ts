// Mentors: who helps newcomers in which group, who paused, and each request for help with a claimed issue.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Tables } from './tables.js';
import { whereUser, type UserKey } from './users.js';

/**
 * asking: `mentorId` was asked and has not answered; searching: nobody is being asked (a decline, a
 * time-out) and the next mentor is to be found; accepted: the two were introduced; volunteer: nobody was
 * left, the group's channel was asked; ended: the claim ended or the pull request merged.
 */
export type MentorshipStatus = 'asking' | 'searching' | 'accepted' | 'volunteer' | 'ended';

export interface Mentorship {
  id: string;
  claimId: string;
  issueKey: string;
  groupId: string | null;
  newcomer: UserKey;
  newcomerName: string;
  mentorId: string | null;
  mentorName: string | null;
  status: MentorshipStatus;
  /** Mentors (user ids on the newcomer's platform and workspace) who said not now or did not answer. */
  declined: string[];
  askedAt: Date | null;
  createdAt: Date;
}

export interface MentorRecord extends UserKey {
  groupId: string;
  paused: boolean;
}

export interface MentorRepo {
  /** True when the person was not yet a mentor of that group. */
  join(user: UserKey, groupId: string, now: Date): Promise<boolean>;
  leave(user: UserKey, groupId: string): Promise<boolean>;
  /** Pauses (or resumes) every group the person mentors; true when that changed something. */
  pause(user: UserKey, paused: boolean, now: Date): Promise<boolean>;
  of(user: UserKey): Promise<{ groups: string[]; paused: boolean }>;
  /** A group's mentors in one workspace, paused ones included (marked). */
  inGroup(groupId: string, where: { platform: string; workspaceId: string }): Promise<MentorRecord[]>;

  /** Opens the request of a claim, or returns the one it already has. */
  request(
    input: { claimId: string; issueKey: string; groupId: string | null; newcomer: UserKey; newcomerName: string },
    now: Date,
  ): Promise<{ mentorship: Mentorship; created: boolean }>;
  get(id: string): Promise<Mentorship | null>;
  forClaim(claimId: string): Promise<Mentorship | null>;
  /** searching → asking `mentorId`, atomically (two runners never ask two mentors at once). */
  ask(id: string, mentorId: string, now: Date): Promise<boolean>;
  /** asking `mentorId` (or volunteer: anyone) → accepted; false when that mentor is no longer the one asked. */
  accept(id: string, mentorId: string, mentorName: string, now: Date): Promise<boolean>;
  /** asking `mentorId` → searching without counting it as a refusal (the request could not reach them). */
  unask(id: string, mentorId: string, now: Date): Promise<boolean>;
  /** asking `mentorId` → searching, remembering them so they are not asked again for this claim. */
  decline(id: string, mentorId: string, now: Date): Promise<boolean>;
  /** searching → volunteer (nobody left), or any open status → ended. */
  settle(id: string, status: 'volunteer' | 'ended', now: Date): Promise<boolean>;
  /** Requests in one of these statuses (the follow-up job's time-outs and searches). */
  withStatus(statuses: MentorshipStatus[]): Promise<Mentorship[]>;
  /** Accepted requests a mentor is helping with now. */
  helping(mentor: UserKey): Promise<Mentorship[]>;
  /** The newcomers each mentor of a workspace is helping or being asked about, for spreading the load. */
  load(where: { platform: string; workspaceId: string }): Promise<Map<string, number>>;
}

/** The tables of migration 009, kept here so other branches' tables.ts edits do not meet this one. */
export interface MentorTables {
  mentors: { platform: string; workspace_id: string; user_id: string; group_id: string; created_at: string };
  mentor_pauses: { platform: string; workspace_id: string; user_id: string; paused_at: string };
  mentorships: {
    id: string;
    claim_id: string;
    issue_key: string;
    group_id: string | null;
    platform: string;
    workspace_id: string;
    user_id: string;
    user_name: string;
    mentor_id: string | null;
    mentor_name: string | null;
    status: string;
    declined: string;
    asked_at: string | null;
    created_at: string;
    updated_at: string;
  };
}

function toMentorship(r: MentorTables['mentorships']): Mentorship {
  return {
    id: r.id,
    claimId: r.claim_id,
    issueKey: r.issue_key,
    groupId: r.group_id,
    newcomer: { platform: r.platform, workspaceId: r.workspace_id, userId: r.user_id },
    newcomerName: r.user_name,
    mentorId: r.mentor_id,
    mentorName: r.mentor_name,
    status: r.status as MentorshipStatus,
    declined: JSON.parse(r.declined) as string[],
    askedAt: r.asked_at ? new Date(r.asked_at) : null,
    createdAt: new Date(r.created_at),
  };
}

/** Busy means counted against MENTOR_MAX_MENTEES: being asked, or helping. */
export const BUSY: readonly MentorshipStatus[] = ['asking', 'accepted'];

export function createMentorRepo(tables: Kysely<Tables>): MentorRepo {
  const db = tables as unknown as Kysely<MentorTables>;
  const get = async (id: string) => {
    const r = await db.selectFrom('mentorships').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toMentorship(r) : null;
  };
  const move = async (
    id: string,
    from: string[],
    set: Partial<MentorTables['mentorships']>,
    now: Date,
    mentorId?: string,
  ) => {
    let q = db
      .updateTable('mentorships')
      .set({ ...set, updated_at: now.toISOString() })
      .where('id', '=', id)
      .where('status', 'in', from);
    if (mentorId !== undefined) q = q.where('mentor_id', '=', mentorId);
    return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
  };
  return {
    async join(user, groupId, now) {
      const r = await db
        .insertInto('mentors')
        .values({ ...whereUser(user), group_id: groupId, created_at: now.toISOString() })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async leave(user, groupId) {
      const r = await db
        .deleteFrom('mentors')
        .where((eb) => eb.and(whereUser(user)))
        .where('group_id', '=', groupId)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async pause(user, paused, now) {
      if (paused) {
        const r = await db
          .insertInto('mentor_pauses')
          .values({ ...whereUser(user), paused_at: now.toISOString() })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
      }
      const r = await db
        .deleteFrom('mentor_pauses')
        .where((eb) => eb.and(whereUser(user)))
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async of(user) {
      const rows = await db
        .selectFrom('mentors')
        .select('group_id')
        .where((eb) => eb.and(whereUser(user)))
        .orderBy('created_at')
        .orderBy('group_id')
        .execute();
      const pause = await db
        .selectFrom('mentor_pauses')
        .select('user_id')
        .where((eb) => eb.and(whereUser(user)))
        .executeTakeFirst();
      return { groups: rows.map((r) => r.group_id), paused: pause !== undefined };
    },
    async inGroup(groupId, where) {
      const rows = await db
        .selectFrom('mentors as m')
        .leftJoin('mentor_pauses as p', (j) =>
          j
            .onRef('p.platform', '=', 'm.platform')
            .onRef('p.workspace_id', '=', 'm.workspace_id')
            .onRef('p.user_id', '=', 'm.user_id'),
        )
        .select(['m.platform', 'm.workspace_id', 'm.user_id', 'm.group_id', 'p.paused_at'])
        .where('m.group_id', '=', groupId)
        .where('m.platform', '=', where.platform)
        .where('m.workspace_id', '=', where.workspaceId)
        .orderBy('m.created_at')
        .orderBy('m.user_id')
        .execute();
      return rows.map((r) => ({
        platform: r.platform,
        workspaceId: r.workspace_id,
        userId: r.user_id,
        groupId: r.group_id,
        paused: r.paused_at !== null,
      }));
    },

    async request(input, now) {
      const at = now.toISOString();
      const r = await db
        .insertInto('mentorships')
        .values({
          id: randomUUID(),
          claim_id: input.claimId,
          issue_key: input.issueKey,
          group_id: input.groupId,
          ...whereUser(input.newcomer),
          user_name: input.newcomerName.slice(0, 200),
          mentor_id: null,
          mentor_name: null,
          status: 'searching',
          declined: '[]',
          asked_at: null,
          created_at: at,
          updated_at: at,
        })
        .onConflict((oc) => oc.column('claim_id').doNothing())
        .executeTakeFirst();
      const row = await db
        .selectFrom('mentorships')
        .selectAll()
        .where('claim_id', '=', input.claimId)
        .executeTakeFirstOrThrow();
      return { mentorship: toMentorship(row), created: Number(r.numInsertedOrUpdatedRows ?? 0) > 0 };
    },
    get,
    async forClaim(claimId) {
      const r = await db.selectFrom('mentorships').selectAll().where('claim_id', '=', claimId).executeTakeFirst();
      return r ? toMentorship(r) : null;
    },
    ask: (id, mentorId, now) =>
      move(id, ['searching'], { status: 'asking', mentor_id: mentorId, asked_at: now.toISOString() }, now),
    async accept(id, mentorId, mentorName, now) {
      const set = { status: 'accepted', mentor_id: mentorId, mentor_name: mentorName.slice(0, 200) };
      // Whoever answers a call for volunteers first gets it; otherwise only the mentor who was asked.
      return (await move(id, ['asking'], set, now, mentorId)) || move(id, ['volunteer'], set, now);
    },
    unask: (id, mentorId, now) =>
      move(id, ['asking'], { status: 'searching', mentor_id: null, asked_at: null }, now, mentorId),
    async decline(id, mentorId, now) {
      const current = await get(id);
      if (!current || current.status !== 'asking' || current.mentorId !== mentorId) return false;
      const declined = JSON.stringify([...new Set([...current.declined, mentorId])]);
      return move(id, ['asking'], { status: 'searching', mentor_id: null, asked_at: null, declined }, now, mentorId);
    },
    settle: (id, status, now) =>
      move(
        id,
        status === 'volunteer' ? ['searching'] : ['searching', 'asking', 'accepted', 'volunteer'],
        { status },
        now,
      ),
    async withStatus(statuses) {
      const rows = await db
        .selectFrom('mentorships')
        .selectAll()
        .where('status', 'in', statuses)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toMentorship);
    },
    async helping(mentor) {
      const rows = await db
        .selectFrom('mentorships')
        .selectAll()
        .where('platform', '=', mentor.platform)
        .where('workspace_id', '=', mentor.workspaceId)
        .where('mentor_id', '=', mentor.userId)
        .where('status', '=', 'accepted')
        .orderBy('created_at')
        .execute();
      return rows.map(toMentorship);
    },
    async load(where) {
      const rows = await db
        .selectFrom('mentorships')
        .select(['mentor_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('platform', '=', where.platform)
        .where('workspace_id', '=', where.workspaceId)
        .where('status', 'in', [...BUSY])
        .groupBy('mentor_id')
        .execute();
      return new Map(rows.filter((r) => r.mentor_id).map((r) => [r.mentor_id as string, Number(r.n)]));
    },
  };
}

// The help desk: finds a mentor for a newcomer's claimed issue, asks them privately, introduces the two on
// Accept, asks the next on Not now or silence, and asks the group's channel when nobody is left.
import { MENTOR_ACCEPT, MENTOR_DECLINE } from '../views/journey-buttons.js';
import { buttons, text } from '../core/blocks.js';
import type { Translate, Translator } from '../core/i18n.js';
import { ANY_WORKSPACE, type Destination, type OpenResult, type Reply, type UserRef } from '../core/types.js';
import type { Config } from '../config/schema.js';
import { helpChannel } from '../content/channels.js';
import { claimRuleFor } from '../content/claim-rules.js';
import type { Content } from '../content/types.js';
import { userDestination } from '../digest/destinations.js';
import type { Post } from '../digest/deliver.js';
import type { Logger } from '../log.js';
import type { Claim } from '../store/claims.js';
import type { Mentorship } from '../store/mentors.js';
import type { Store } from '../store/store.js';
import { preferredLocale, type UserKey } from '../store/users.js';
import { linkMarkup, refOf } from '../views/issue-ref.js';
import { sendOnce, type JourneySender } from './journey-send.js';

/** Button ids the mentor capability owns; the value is the request's id. */

const HOUR = 3_600_000;

export interface HelpDeskDeps {
  store: Pick<Store, 'mentors' | 'users' | 'claims' | 'digests'>;
  content: Content;
  translator: Translator;
  config: Pick<Config, 'MENTOR_MAX_MENTEES' | 'MENTOR_ANSWER_HOURS' | 'DEFAULT_LOCALE'>;
  post: Post;
  /** A conversation of several people (the platform's outbox); 'unsupported' where there is none. */
  open: (platform: string, users: UserRef[]) => Promise<OpenResult>;
  log: Logger;
  now: () => Date;
}

/**
 * asking: a mentor was asked; volunteer: nobody was free, the group's channel (named) was asked, or none
 * exists; waiting: no mentor could be reached now (a failed post), the follow-up job tries again;
 * accepted: someone already helps (named).
 */
export type HelpOutcome =
  | { kind: 'asking' }
  | { kind: 'volunteer'; channel: string | null }
  | { kind: 'waiting' }
  | { kind: 'accepted'; mentorName: string | null };

export type AnswerOutcome =
  | { kind: 'accepted'; newcomerName: string; introduced: 'together' | 'separately' }
  | { kind: 'declined' }
  | { kind: 'gone' };

export interface HelpDesk {
  request(claim: Claim, newcomerName: string): Promise<HelpOutcome>;
  answer(id: string, mentor: UserKey, mentorName: string, accept: boolean): Promise<AnswerOutcome>;
  /** The follow-up job's part: silent mentors past MENTOR_ANSWER_HOURS, and requests waiting for a mentor. */
  sweep(): Promise<{ asked: number; expired: number; volunteers: number }>;
}

interface Candidate {
  userId: string;
  languages: string[];
  order: number;
}

export function createHelpDesk(deps: HelpDeskDeps): HelpDesk {
  const sender: JourneySender = { ledger: deps.store.digests, post: deps.post, log: deps.log, now: deps.now };
  const localeOf = async (user: UserKey) =>
    preferredLocale(await deps.store.users.get(user)) ?? deps.config.DEFAULT_LOCALE;
  const speak = async (user: UserKey): Promise<Translate> =>
    deps.translator.bind(await localeOf(user), { platform: user.platform });
  const groupName = (id: string | null) => (id ? (deps.content.sigById.get(id)?.name ?? id) : null);
  const claimOf = async (m: Mentorship) =>
    (await deps.store.claims.openFor(m.newcomer)).find((c) => c.id === m.claimId) ?? null;

  /** The group's mentors on the newcomer's platform and workspace: joined with /mentor, then named in content. */
  async function candidates(m: Mentorship): Promise<Candidate[]> {
    if (!m.groupId) return [];
    const where = { platform: m.newcomer.platform, workspaceId: m.newcomer.workspaceId };
    const joined = await deps.store.mentors.inGroup(m.groupId, where);
    const paused = new Set(joined.filter((j) => j.paused).map((j) => j.userId));
    const out: Candidate[] = [];
    for (const j of joined.filter((x) => !x.paused)) {
      out.push({ userId: j.userId, languages: [await localeOf(j)], order: out.length });
    }
    const named = deps.content.sigById.get(m.groupId)?.mentors ?? [];
    for (const n of named) {
      const id = (n as Record<string, unknown>)[m.newcomer.platform];
      if (typeof id !== 'string' || out.some((c) => c.userId === id)) continue;
      // A person named in content who paused with /mentor pause is paused too.
      if (paused.has(id) || (await deps.store.mentors.of({ ...where, userId: id })).paused) continue;
      out.push({ userId: id, languages: n.languages ?? [], order: out.length });
    }
    return out;
  }

  /** Prefers a mentor who speaks the newcomer's language, then the least busy, then who offered first. */
  async function pick(m: Mentorship): Promise<string | null> {
    const load = await deps.store.mentors.load({ platform: m.newcomer.platform, workspaceId: m.newcomer.workspaceId });
    const lang = await localeOf(m.newcomer);
    const free = (await candidates(m)).filter(
      (c) =>
        c.userId !== m.newcomer.userId &&
        !m.declined.includes(c.userId) &&
        (load.get(c.userId) ?? 0) < deps.config.MENTOR_MAX_MENTEES,
    );
    free.sort(
      (a, b) =>
        Number(b.languages.includes(lang)) - Number(a.languages.includes(lang)) ||
        (load.get(a.userId) ?? 0) - (load.get(b.userId) ?? 0) ||
        a.order - b.order,
    );
    return free[0]?.userId ?? null;
  }

  function askReply(t: Translate, m: Mentorship, claim: Claim): Reply {
    const group = groupName(m.groupId) ?? '';
    return {
      blocks: [
        text(
          t('journey.ask_mentor', {
            newcomer: m.newcomerName,
            title: claim.title,
            linkMarkup: linkMarkup(claim),
            group,
          }),
        ),
        text(t('journey.ask_mentor_deadline', { hours: deps.config.MENTOR_ANSWER_HOURS })),
        buttons([
          { id: MENTOR_ACCEPT, label: t('journey.button_accept'), value: m.id, style: 'primary' },
          { id: MENTOR_DECLINE, label: t('journey.button_not_now'), value: m.id },
        ]),
      ],
    };
  }

  /** Nobody left: the group's channel is asked (a volunteer button, no broadcast mention), and the newcomer told why. */
  async function callForVolunteers(m: Mentorship, claim: Claim): Promise<HelpOutcome> {
    if (!(await deps.store.mentors.settle(m.id, 'volunteer', deps.now()))) return { kind: 'waiting' };
    const channel = helpChannel(deps.content, m.newcomer.platform, m.groupId) ?? null;
    if (channel) {
      const t = deps.translator.bind(deps.config.DEFAULT_LOCALE, { platform: m.newcomer.platform });
      const to: Destination = {
        platform: m.newcomer.platform as Destination['platform'],
        workspaceId: ANY_WORKSPACE,
        kind: 'channel',
        channelId: channel,
      };
      await sendOnce(sender, `volunteer:${m.id}`, to, {
        blocks: [
          text(t('journey.volunteer_call', { title: claim.title, linkMarkup: linkMarkup(claim) })),
          buttons([{ id: MENTOR_ACCEPT, label: t('journey.button_volunteer'), value: m.id, style: 'primary' }]),
        ],
      });
    }
    return { kind: 'volunteer', channel };
  }

  /** Asks the next free mentor, or calls for volunteers; `told` sends the newcomer the outcome when it came from the job. */
  async function askNext(m: Mentorship, claim: Claim, told: boolean): Promise<HelpOutcome> {
    const mentorId = await pick(m);
    if (!mentorId) {
      const outcome = await callForVolunteers(m, claim);
      if (told && outcome.kind === 'volunteer') {
        const t = await speak(m.newcomer);
        await sendOnce(sender, `nobody:${m.id}`, userDestination(m.newcomer), {
          blocks: volunteerBlocks(t, m, outcome.channel),
        });
      }
      return outcome;
    }
    if (!(await deps.store.mentors.ask(m.id, mentorId, deps.now()))) return { kind: 'waiting' };
    const mentor = { platform: m.newcomer.platform, workspaceId: m.newcomer.workspaceId, userId: mentorId };
    const sent = await sendOnce(
      sender,
      `ask:${m.id}:${mentorId}`,
      userDestination(mentor),
      askReply(await speak(mentor), m, claim),
    );
    if (sent === 'failed') {
      // Not a refusal: the request never reached them. The follow-up job asks again later.
      await deps.store.mentors.unask(m.id, mentorId, deps.now());
      return { kind: 'waiting' };
    }
    return { kind: 'asking' };
  }

  function volunteerBlocks(t: Translate, m: Mentorship, channel: string | null) {
    const group = groupName(m.groupId);
    if (channel) return [text(t('journey.nobody_channel', { channel, group: group ?? channel }))];
    return [text(t('journey.nobody_general'))];
  }

  function stepText(t: Translate, claim: Claim): string {
    const rule = claimRuleFor(deps.content.community, claim);
    const link = linkMarkup(claim);
    if (rule.step === 'command' && rule.command)
      return t('claim.step_command', { linkMarkup: link, command: rule.command });
    if (rule.step === 'draft-pr') return t('claim.step_draft_pr', { linkMarkup: link });
    return t('claim.step_comment', { linkMarkup: link });
  }

  async function introduce(
    m: Mentorship,
    mentor: UserKey,
    mentorName: string,
    claim: Claim,
  ): Promise<'together' | 'separately'> {
    const params = {
      newcomer: m.newcomerName,
      mentor: mentorName,
      title: claim.title,
      linkMarkup: linkMarkup(claim),
      ref: refOf(claim),
      group: groupName(m.groupId) ?? '',
    };
    const opened = await deps.open(m.newcomer.platform, [
      { workspaceId: m.newcomer.workspaceId, userId: m.newcomer.userId },
      { workspaceId: mentor.workspaceId, userId: mentor.userId },
    ]);
    if (opened.ok) {
      // One conversation for both, in the newcomer's language: they are the one finding their way.
      const t = await speak(m.newcomer);
      const to: Destination = {
        platform: m.newcomer.platform as Destination['platform'],
        workspaceId: m.newcomer.workspaceId,
        kind: 'channel',
        channelId: opened.channelId,
      };
      const blocks = [
        text(t('journey.intro_together', params)),
        text(stepText(t, claim)),
        text(t('journey.intro_first_message', params)),
      ];
      const sent = await sendOnce(sender, `intro:${m.id}`, to, { blocks });
      if (sent !== 'failed') return 'together';
    }
    const tn = await speak(m.newcomer);
    await sendOnce(sender, `intro:${m.id}:newcomer`, userDestination(m.newcomer), {
      blocks: [
        text(tn('journey.intro_newcomer', params)),
        text(stepText(tn, claim)),
        text(tn('journey.intro_first_message', params)),
      ],
    });
    const tm = await speak(mentor);
    await sendOnce(sender, `intro:${m.id}:mentor`, userDestination(mentor), {
      blocks: [text(tm('journey.intro_mentor', params))],
    });
    return 'separately';
  }

  return {
    async request(claim, newcomerName) {
      const { mentorship } = await deps.store.mentors.request(
        { claimId: claim.id, issueKey: claim.key, groupId: claim.sigId, newcomer: claim.user, newcomerName },
        deps.now(),
      );
      if (mentorship.status === 'accepted') return { kind: 'accepted', mentorName: mentorship.mentorName };
      if (mentorship.status === 'asking') return { kind: 'asking' };
      if (mentorship.status === 'volunteer')
        return { kind: 'volunteer', channel: helpChannel(deps.content, claim.user.platform, claim.sigId) ?? null };
      if (mentorship.status === 'ended') return { kind: 'waiting' };
      return askNext(mentorship, claim, false);
    },

    async answer(id, mentor, mentorName, accept) {
      const m = await deps.store.mentors.get(id);
      if (!m || m.newcomer.platform !== mentor.platform || m.newcomer.workspaceId !== mentor.workspaceId)
        return { kind: 'gone' };
      const claim = await claimOf(m);
      if (!claim) {
        await deps.store.mentors.settle(id, 'ended', deps.now());
        return { kind: 'gone' };
      }
      if (!accept) {
        if (!(await deps.store.mentors.decline(id, mentor.userId, deps.now()))) return { kind: 'gone' };
        const next = await deps.store.mentors.get(id);
        if (next) await askNext(next, claim, true);
        return { kind: 'declined' };
      }
      if (
        mentor.userId === m.newcomer.userId ||
        !(await deps.store.mentors.accept(id, mentor.userId, mentorName, deps.now()))
      )
        return { kind: 'gone' };
      const introduced = await introduce(m, mentor, mentorName, claim);
      return { kind: 'accepted', newcomerName: m.newcomerName, introduced };
    },

    async sweep() {
      const out = { asked: 0, expired: 0, volunteers: 0 };
      const deadline = deps.now().getTime() - deps.config.MENTOR_ANSWER_HOURS * HOUR;
      for (const m of await deps.store.mentors.withStatus(['asking', 'searching'])) {
        const claim = await claimOf(m);
        if (!claim) {
          await deps.store.mentors.settle(m.id, 'ended', deps.now());
          continue;
        }
        let current: Mentorship | null = m;
        if (m.status === 'asking') {
          if (!m.mentorId || (m.askedAt?.getTime() ?? 0) > deadline) continue;
          // Silence is a "not now": the next mentor is asked, and this one is not asked again for this issue.
          if (!(await deps.store.mentors.decline(m.id, m.mentorId, deps.now()))) continue;
          out.expired += 1;
          current = await deps.store.mentors.get(m.id);
        }
        if (!current) continue;
        const outcome = await askNext(current, claim, true);
        if (outcome.kind === 'asking') out.asked += 1;
        if (outcome.kind === 'volunteer') out.volunteers += 1;
      }
      return out;
    },
  };
}

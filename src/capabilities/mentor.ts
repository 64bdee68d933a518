// `/mentor`: offer to help newcomers of a group (join, leave), pause and resume, and see whom one helps now.
import { text } from '../core/blocks.js';
import type { Capability, Ctx } from '../core/capability.js';
import { UserError } from '../core/errors.js';
import type { Reply } from '../core/types.js';
import { findSig } from '../content/find-sig.js';
import type { Catalogue, MentorAnswers, Mentoring } from './ports.js';
import { MENTOR_ACCEPT, MENTOR_DECLINE } from '../views/journey-buttons.js';

const JOIN = new Set(['join', 'rejoindre', 'add', 'ajouter']);
const LEAVE = new Set(['leave', 'quitter', 'remove', 'retirer']);
const PAUSE = new Set(['pause']);
const RESUME = new Set(['resume', 'reprendre', 'unpause']);

export type MentorPorts = Catalogue & Mentoring & MentorAnswers;
type MentorCtx = Ctx<MentorPorts>;

const done = (ctx: MentorCtx, key: string, params: Record<string, string | number> = {}): Reply => ({
  blocks: [text(ctx.t(key, params))],
  private: true,
});

function groupOf(ctx: MentorCtx, typed: string) {
  if (!typed) throw new UserError('mentor.which_group', { example: ctx.content.sigs[0]?.id ?? 'group' });
  const sig = findSig(ctx.content, typed);
  if (!sig) throw new UserError('mentor.unknown_group', { value: typed.slice(0, 60) });
  return sig;
}

/** Groups whose content names this person as a mentor on this platform. */
export function namedInContent(ctx: Pick<MentorCtx, 'content'>, platform: string, userId: string): string[] {
  return ctx.content.sigs
    .filter((s) => s.mentors?.some((m) => (m as Record<string, unknown>)[platform] === userId))
    .map((s) => s.id);
}

async function status(ctx: MentorCtx): Promise<Reply> {
  const mine = await ctx.mentors.of(ctx.user);
  const fromContent = namedInContent(ctx, ctx.user.platform, ctx.user.userId).filter((g) => !mine.groups.includes(g));
  const groups = [...mine.groups, ...fromContent].map((id) => ctx.content.sigById.get(id)?.name ?? id);
  if (groups.length === 0) return done(ctx, 'mentor.none', { example: ctx.content.sigs[0]?.id ?? 'group' });
  const blocks = [
    text(ctx.t('mentor.groups', { groups: groups.join(', '), max: ctx.mentorLimits.MENTOR_MAX_MENTEES })),
  ];
  if (mine.paused) blocks.push(text(ctx.t('mentor.status_paused')));
  const helping = await ctx.mentors.helping(ctx.user);
  blocks.push(
    text(
      helping.length === 0
        ? ctx.t('mentor.helping_none')
        : ctx.t('mentor.helping', {
            count: helping.length,
            list: helping.map((m) => `${m.newcomerName} (${m.issueKey})`).join(', '),
          }),
    ),
  );
  return { blocks, private: true };
}

export const mentor: Capability<MentorPorts> = {
  id: 'mentor',
  usage: '/mentor [join <group> | leave <group> | pause | resume]',
  command: [{ name: 'request' }],
  actions: [MENTOR_ACCEPT, MENTOR_DECLINE],
  async run(input, ctx) {
    if (input.action) {
      const accept = input.action.id === MENTOR_ACCEPT;
      const answer = await ctx.helpDesk.answer(input.action.value, ctx.user, ctx.event.origin.userName, accept);
      if (answer.kind === 'gone') return done(ctx, 'journey.answer_gone');
      if (answer.kind === 'declined') return done(ctx, 'journey.declined_mentor');
      return done(ctx, answer.introduced === 'together' ? 'journey.accepted_together' : 'journey.accepted_separately', {
        newcomer: answer.newcomerName,
      });
    }
    const [verb = '', ...rest] = input.text.trim().split(/\s+/);
    const word = verb.toLowerCase();
    const typed = rest.join(' ');
    if (!word) return status(ctx);
    if (JOIN.has(word)) {
      const sig = groupOf(ctx, typed);
      const added = await ctx.mentors.join(ctx.user, sig.id, ctx.now());
      return done(ctx, added ? 'mentor.joined' : 'mentor.already', {
        group: sig.name,
        max: ctx.mentorLimits.MENTOR_MAX_MENTEES,
      });
    }
    if (LEAVE.has(word)) {
      const sig = groupOf(ctx, typed);
      const removed = await ctx.mentors.leave(ctx.user, sig.id);
      return done(ctx, removed ? 'mentor.left' : 'mentor.not_mentor', { group: sig.name });
    }
    if (PAUSE.has(word))
      return done(
        ctx,
        (await ctx.mentors.pause(ctx.user, true, ctx.now())) ? 'mentor.paused' : 'mentor.already_paused',
      );
    if (RESUME.has(word))
      return done(ctx, (await ctx.mentors.pause(ctx.user, false, ctx.now())) ? 'mentor.resumed' : 'mentor.not_paused');
    throw new UserError('mentor.usage');
  },
};

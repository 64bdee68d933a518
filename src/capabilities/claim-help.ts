// "I'd like someone to help me": the button on a claim, `/claim help #123`, or "can someone help me with #123?".
import { text } from '../core/blocks.js';
import type { Block, Reply } from '../core/types.js';
import type { ClaimCtx as Ctx } from './claim.js';
import { resolveTarget } from './claim-target.js';
import { take } from './claim-take.js';
import { sameIssue } from '../views/issue-ref.js';

export const HELP_BUTTON = 'claim.help';

const A = `['’]`;
/**
 * Asking for a person's help with a specific issue, in English and French (the issue reference is checked
 * apart): "I don't know how", "can someone help me", "I need help with", "je ne sais pas comment",
 * "quelqu'un peut m'aider". General words only: no community's vocabulary.
 */
export const ASKS_HELP = new RegExp(
  [
    `\\b(?:don${A}?t|do not|dunno|not sure)\\s+(?:really\\s+)?know\\s+(?:how|where to (?:start|begin))`,
    `\\b(?:can|could|would|will)\\s+(?:some(?:one|body)|any(?:one|body))\\s+(?:please\\s+)?(?:help|guide|mentor)\\s+me\\b`,
    `\\b(?:need|want|would like|${A}d like|looking for)\\s+(?:some\\s+|a bit of\\s+)?(?:help|guidance|a mentor|someone to help)\\b`,
    `\\bhelp me (?:with|on|get started)\\b`,
    `\\bje ne sais pas (?:trop |vraiment )?(?:comment|par o[uù])`,
    `\\bquelqu${A}un (?:peut|pourrait|voudrait)(?:-il)? m${A}aider\\b`,
    `\\bbesoin d${A}(?:aide|un coup de main|un mentor)\\b`,
    `\\bm${A}aider (?:sur|avec|pour|à|a)\\b`,
  ].join('|'),
  'iu',
);
/** `/claim help #123` or `/claim aide #123`. */
export const HELP_COMMAND = /^(?:help|aide|aidez-moi|mentor)\b\s*/i;

function outcomeBlocks(ctx: Ctx, outcome: Awaited<ReturnType<Ctx['helpDesk']['request']>>, group: string): Block[] {
  switch (outcome.kind) {
    case 'asking':
      return [text(ctx.t('journey.asked', { group, hours: ctx.limits.MENTOR_ANSWER_HOURS }))];
    case 'accepted':
      return [text(ctx.t('journey.already_helped', { mentor: outcome.mentorName ?? '?' }))];
    case 'volunteer':
      return [
        text(
          outcome.channel
            ? ctx.t('journey.nobody_channel', { channel: outcome.channel, group: group || outcome.channel })
            : ctx.t('journey.nobody_general'),
        ),
      ];
    case 'waiting':
      return [text(ctx.t('journey.waiting'))];
  }
}

/** Claims the issue first when it is not theirs yet, then asks the help desk for a mentor. */
export async function askHelp(ctx: Ctx, said: string, isPrivate: boolean): Promise<Reply> {
  const id = await resolveTarget(ctx, said);
  const find = async () => (await ctx.claims.openFor(ctx.user)).find((c) => sameIssue(c, id));
  let claim = await find();
  let before: Block[] = [];
  if (!claim) {
    const taken = await take(ctx, id, isPrivate, { offerHelp: false });
    claim = await find();
    if (!claim) return taken; // someone else's, closed, members only…: that answer stands
    before = taken.blocks;
  }
  const outcome = await ctx.helpDesk.request(claim, ctx.event.origin.userName);
  const group = claim.sigId ? (ctx.content.sigById.get(claim.sigId)?.name ?? claim.sigId) : '';
  return { blocks: [...before, ...outcomeBlocks(ctx, outcome, group)], private: isPrivate };
}

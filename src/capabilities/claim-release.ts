// Giving an issue back ("I give up on #123") and listing one's claims.
import { buttons, items, text } from '../core/blocks.js';
import type { ClaimCtx as Ctx } from './claim.js';
import { UserError } from '../core/errors.js';
import type { Block, Reply } from '../core/types.js';
import { extractIssueRefs } from '../nlu/issue-refs.js';
import type { Claim } from './ports.js';
import { releaseText } from './claim-step.js';
import { releaseButtons } from './claim-take.js';
import { ago } from '../views/issue-view.js';
import { refOf, sameIssue } from '../views/issue-ref.js';

export function claimItems(ctx: Ctx, claims: Claim[]): Block {
  return items(
    claims.map((c) => ({
      title: c.title,
      url: c.url,
      detail: ctx.t('claim.mine_detail', { ref: refOf(c), age: ago(c.createdAt, ctx) }),
      button: { id: 'claim.release', label: ctx.t('claim.button_release'), value: refOf(c), style: 'danger' as const },
    })),
  );
}

export async function listMine(ctx: Ctx): Promise<Reply> {
  const mine = await ctx.claims.openFor(ctx.user);
  if (mine.length === 0) return { blocks: [text(ctx.t('claim.mine_none'))], private: true };
  return { blocks: [text(ctx.t('claim.mine_intro', { count: mine.length })), claimItems(ctx, mine)], private: true };
}

export async function release(ctx: Ctx, said: string, isPrivate: boolean): Promise<Reply> {
  const mine = await ctx.claims.openFor(ctx.user);
  if (mine.length === 0) return { blocks: [text(ctx.t('claim.mine_none'))], private: isPrivate };
  const ref = extractIssueRefs(said, { hosts: ctx.github.issueHosts }).issues[0];
  let matches = mine;
  if (ref) {
    const { owner, repo } = ref;
    matches = mine.filter((c) =>
      owner && repo ? sameIssue(c, { owner, repo, number: ref.number }) : c.number === ref.number,
    );
    if (matches.length === 0)
      throw new UserError('claim.release_unknown', {
        ref: ref.owner ? `${ref.owner}/${ref.repo}#${ref.number}` : `#${ref.number}`,
      });
  }
  // Without a reference, nothing is released on a guess: the person picks which claim, with its button.
  if (!ref || matches.length > 1)
    return { blocks: [text(ctx.t('claim.release_which')), releaseButtons(ctx, matches)], private: isPrivate };
  const claim = matches[0]!;
  await ctx.claims.end(claim.id, 'released', 'gave_up', ctx.now());
  const waiting = await ctx.waitlist.next(claim);
  const blocks: Block[] = [
    text(ctx.t('claim.released', { ref: refOf(claim) })),
    text(releaseText(ctx, claim)),
    ...(waiting ? [text(ctx.t('claim.released_waitlist'))] : []),
    text(ctx.t('claim.released_next')),
    ...(ctx.capabilityIds.has('issues')
      ? [buttons([{ id: 'issues.list', label: ctx.t('claim.button_more'), value: 'all' }])]
      : []),
  ];
  return { blocks, private: isPrivate };
}

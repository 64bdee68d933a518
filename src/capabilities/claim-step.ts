// The exact step to take an issue in its repository (Prow's `/assign`, or a comment), and where to ask for help.
import { text } from '../core/blocks.js';
import type { ClaimCtx as Ctx } from './claim.js';
import type { Block } from '../core/types.js';
import type { ClaimIssue } from './ports.js';
import { linkMarkup } from '../views/issue-ref.js';
import { helpChannel } from '../content/channels.js';

/** The most specific entry of `github.claim.prow` wins: a repository, then its organisation, then the default. */
export function claimMethod(ctx: Pick<Ctx, 'content'>, issue: { owner: string; repo: string }): 'prow' | 'comment' {
  const { claim } = ctx.content.community.github;
  const prow = claim.prow.map((p) => p.toLowerCase());
  if (prow.includes(`${issue.owner}/${issue.repo}`.toLowerCase()) || prow.includes(issue.owner.toLowerCase())) return 'prow';
  return claim.default;
}

export function stepBlocks(ctx: Ctx, issue: ClaimIssue): Block[] {
  const method = claimMethod(ctx, issue);
  const channel = helpChannel(ctx.content, ctx.event.origin.platform, issue.sigId);
  return [
    text(ctx.t(method === 'prow' ? 'claim.step_prow' : 'claim.step_comment', { linkMarkup: linkMarkup(issue) })),
    text(channel ? ctx.t('claim.help_channel', { channel }) : ctx.t('claim.help_general')),
  ];
}

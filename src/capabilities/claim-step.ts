// The exact step to take an issue in its repository (a bot command, a comment, or a draft pull request), and where to ask for help.
import { text } from '../core/blocks.js';
import type { ClaimCtx as Ctx } from './claim.js';
import type { Block } from '../core/types.js';
import type { ClaimIssue } from './ports.js';
import { linkMarkup } from '../views/issue-ref.js';
import { helpChannel } from '../content/channels.js';
import { claimRuleFor, type ClaimRule } from '../content/claim-rules.js';

/** The rule of the issue's repository: its own entry, else its organisation's, else the default. */
export function claimRule(ctx: Pick<Ctx, 'content'>, issue: { owner: string; repo: string }): ClaimRule {
  return claimRuleFor(ctx.content.community, issue);
}

function stepText(ctx: Ctx, rule: ClaimRule, issue: ClaimIssue): string {
  const link = linkMarkup(issue);
  if (rule.step === 'command' && rule.command)
    return ctx.t('claim.step_command', { linkMarkup: link, command: rule.command });
  if (rule.step === 'draft-pr') return ctx.t('claim.step_draft_pr', { linkMarkup: link });
  return ctx.t('claim.step_comment', { linkMarkup: link });
}

export function stepBlocks(ctx: Ctx, issue: ClaimIssue): Block[] {
  const rule = claimRule(ctx, issue);
  const channel = helpChannel(ctx.content, ctx.event.origin.platform, issue.sigId);
  return [
    text(stepText(ctx, rule, issue)),
    ...(rule.aiPolicy ? [text(ctx.t('claim.ai_policy', { url: rule.aiPolicy }))] : []),
    text(channel ? ctx.t('claim.help_channel', { channel }) : ctx.t('claim.help_general')),
  ];
}

/** What to do on GitHub after giving an issue up here, so others see it is free. */
export function releaseText(ctx: Ctx, issue: { owner: string; repo: string }): string {
  const rule = claimRule(ctx, issue);
  if (rule.step === 'command' && rule.command && rule.release)
    return ctx.t('claim.released_command', { command: rule.command, release: rule.release });
  if (rule.step === 'draft-pr') return ctx.t('claim.released_draft_pr');
  return ctx.t('claim.released_comment');
}

// Taking an issue: the guardrails (already yours, the cap, someone else's claim), the live check, then the exact step.
import { buttons, items, text } from '../core/blocks.js';
import type { ClaimCtx as Ctx } from './claim.js';
import type { Block, Reply } from '../core/types.js';
import type { Claim, ClaimIssue, IssueId } from './ports.js';
import type { UserKey } from '../core/ports.js';
import { claimRule, stepBlocks } from './claim-step.js';
import { maxOpenClaims, openToNewcomers, type ClaimRule } from '../content/claim-rules.js';
import { spendLiveCheck } from './shared/live-check.js';
import { alternatives, loadPool, pick, remember } from './shared/issue-picks.js';
import { ago, issueItem, sampleNote } from '../views/issue-view.js';
import { issueKey, linkMarkup, refOf, sameIssue } from '../views/issue-ref.js';

export const releaseButtons = (ctx: Ctx, claims: Claim[]): Block =>
  buttons(
    claims.map((c) => ({
      id: 'claim.release',
      label: `${ctx.t('claim.button_release')} (${refOf(c)})`,
      value: refOf(c),
      style: 'danger' as const,
    })),
  );

async function waitlist(ctx: Ctx, holder: Claim, isPrivate: boolean): Promise<Reply> {
  // Where nobody reserves issues (a draft pull request is the claim), there is no line to wait in.
  if (claimRule(ctx, holder).step === 'draft-pr') {
    const blocks = [
      text(ctx.t('claim.shared', { ref: refOf(holder), date: ago(holder.createdAt, ctx) })),
      ...(await alternatives(ctx, holder, holder.sigId ?? undefined)),
    ];
    return { blocks: [...sampleNote(ctx, 'claim.sample'), ...blocks], private: isPrivate };
  }
  const { position, added } = await ctx.waitlist.join(ctx.user, holder, ctx.now());
  const key = added ? 'claim.taken_by_other' : 'claim.waitlist_already';
  const blocks = [
    text(ctx.t(key, { ref: refOf(holder), date: ago(holder.createdAt, ctx), position })),
    ...(await alternatives(ctx, holder, holder.sigId ?? undefined)),
  ];
  return { blocks: [...sampleNote(ctx, 'claim.sample'), ...blocks], private: isPrivate };
}

const sameUser = (a: UserKey, b: UserKey) =>
  a.platform === b.platform && a.workspaceId === b.workspaceId && a.userId === b.userId;

function alreadyYours(ctx: Ctx, claim: Claim, isPrivate: boolean): Reply {
  return {
    blocks: [
      text(ctx.t('claim.already_yours', { ref: refOf(claim), date: ago(claim.createdAt, ctx) })),
      ...stepBlocks(ctx, claim),
    ],
    private: isPrivate,
  };
}

function atCap(ctx: Ctx, mine: Claim[], isPrivate: boolean): Reply {
  const listMarkup = mine.map((c) => linkMarkup(c)).join(', ');
  return {
    blocks: [text(ctx.t('claim.cap', { count: mine.length, listMarkup })), releaseButtons(ctx, mine)],
    private: isPrivate,
  };
}

/** Members-only repositories: say so, and offer free issues that carry a label open to everyone. */
async function membersOnly(ctx: Ctx, id: IssueId, rule: ClaimRule, isPrivate: boolean): Promise<Reply> {
  const open = rule.membersOnlyExcept ?? [];
  const pool = await loadPool(ctx);
  const allowed = pool.all.filter(
    (i) => openToNewcomers(rule, i.labels) && openToNewcomers(claimRule(ctx, i), i.labels),
  );
  const { picks } = pick({ ...pool, all: allowed }, {}, 3, new Set([issueKey(id)]));
  await remember(ctx, picks, { add: true });
  const labels = open.map((l) => `"${l}"`).join(', ');
  const blocks = [
    text(ctx.t('claim.members_only', { repo: `${id.owner}/${id.repo}`, labels })),
    picks.length > 0 ? items(picks.map((i) => issueItem(ctx, i))) : text(ctx.t('claim.alternatives_none')),
  ];
  return { blocks, private: isPrivate };
}

async function loginQuestion(ctx: Ctx): Promise<Block[]> {
  const known = await ctx.githubLogins.get(ctx.user);
  if (known.login || known.askedAt) return [];
  await ctx.githubLogins.markAsked(ctx.user, ctx.now());
  return [text(ctx.t('claim.ask_login'))];
}

/** `offerHelp: false` when the person is already asking for help (no button to ask again). */
export async function take(
  ctx: Ctx,
  id: IssueId,
  isPrivate: boolean,
  options: { offerHelp?: boolean } = {},
): Promise<Reply> {
  const ref = refOf(id);
  const mine = await ctx.claims.openFor(ctx.user);
  // Early answers that spare a GitHub request; the store decides again, atomically, when the claim is opened.
  const already = mine.find((c) => sameIssue(c, id));
  if (already) return alreadyYours(ctx, already, isPrivate);
  const rule = claimRule(ctx, id);
  const max = maxOpenClaims(rule, ctx.limits.CLAIM_MAX_OPEN);
  if (mine.length >= max) return atCap(ctx, mine, isPrivate);
  const holder = await ctx.claims.openOn(id);
  if (holder) return waitlist(ctx, holder, isPrivate);
  const indexed = await ctx.index.get(id);
  spendLiveCheck(ctx);
  const check = await ctx.github.checkIssue(id, { interactive: true });
  // Offline, an issue outside the sample cannot be checked: it is still claimed, with its repository's step and
  // the help offer, and said plainly to be unchecked.
  const unknownOffline = check.state === 'unreachable' && check.reason === 'sample' && !indexed;
  if (check.state === 'not_found' || check.state === 'pull_request') {
    if (check.state === 'not_found') await ctx.index.forget(id);
    return { blocks: [text(ctx.t(`claim.${check.state}`, { ref }))], private: isPrivate };
  }
  // Someone who followed the advice and commented /assign (or opened the pull request) first is not refused.
  const own =
    check.state !== 'unreachable' &&
    ctx.issueFacts.holderOf(check, (await ctx.githubLogins.get(ctx.user)).login) === 'theirs';
  if (!own && (check.state === 'closed' || check.state === 'assigned' || check.state === 'linked_pr')) {
    await ctx.index.forget(id);
    const blocks = [
      text(ctx.t(`claim.taken_${check.state}`, { ref })),
      ...(await alternatives(ctx, id, indexed?.sigIds[0])),
    ];
    return { blocks, private: isPrivate };
  }
  const read = check.state === 'unreachable' ? null : check;
  const labels = read?.labels ?? indexed?.labels ?? [];
  if (!own && !openToNewcomers(rule, labels)) return membersOnly(ctx, id, rule, isPrivate);
  const issue: ClaimIssue = {
    ...id,
    title: read?.title || indexed?.title || ref,
    url: indexed?.url ?? ctx.issueFacts.urlOf(id),
    sigId: indexed?.sigIds[0] ?? ctx.issueFacts.sigsOf({ ...id, labels })[0] ?? null,
  };
  const opened = await ctx.claims.open(ctx.user, issue, ctx.now(), max);
  // Something changed during the live check: another click of theirs (a double click, or another issue), or someone else faster.
  if (opened.kind === 'full') return atCap(ctx, opened.mine, isPrivate);
  if (opened.kind === 'held')
    return sameUser(opened.claim.user, ctx.user)
      ? alreadyYours(ctx, opened.claim, isPrivate)
      : waitlist(ctx, opened.claim, isPrivate);
  await ctx.waitlist.leave(ctx.user, id);
  ctx.funnel.record('claimed', ctx.user, { group: issue.sigId, language: ctx.locale }, ctx.now());
  const blocks: Block[] = [
    ...(unknownOffline ? [] : sampleNote(ctx, 'claim.sample')),
    text(ctx.t('claim.yours', { title: issue.title, ref: refOf(issue) })),
    ...stepBlocks(ctx, issue),
    ...(unknownOffline
      ? [text(ctx.t('claim.not_checked_offline', { ref }))]
      : check.state === 'unreachable'
        ? [text(ctx.t('claim.unchecked'))]
        : []),
    text(ctx.t('claim.follow_up', { days: ctx.limits.CLAIM_REMIND_DAYS, number: id.number })),
    ...(await loginQuestion(ctx)),
    ...(options.offerHelp === false
      ? []
      : [buttons([{ id: 'claim.help', label: ctx.t('claim.button_help'), value: refOf(issue) }])]),
  ];
  return { blocks, private: isPrivate };
}

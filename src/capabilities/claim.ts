// "I want to work on kubernetes/kubernetes#123", a link, "#123" after a listing or the button: claim it, or give it back.
import type { Capability } from '../core/capability.js';
import { listMine, claimItems, release } from './claim-release.js';
import { resolveTarget } from './claim-target.js';
import { take } from './claim-take.js';
import { CLAIM_BUTTON } from './issue-view.js';
import { text } from '../core/blocks.js';

/** Giving up, in the words people use (English and French). */
const GIVE_UP = /\b(give|giving|gave) up\b|\b(drop|dropping|abandon|abandoning|release|unclaim)\b|\bno longer\b|\bnot (going to|gonna) work\b|\bstop(ping)? work|abandonn|laisse tomber|\brenonce|\blib[eè]re|\bje ne (veux|vais|peux) plus\b/i;
const MINE = /^(mine|mes|list|liste)?$/i;
/** Wanting to take something: with a link that is not a GitHub issue, the claim explains what it needs. */
const WANTS = /\b(work on|take|claim|pick up|assign)\b|travailler sur|m'assigner|\bprendre\b/i;

export const claim: Capability = {
  id: 'claim',
  usage: '/claim [owner/repo#123 | link | mine | give up #123]',
  command: [{ name: 'issue' }],
  intents: ['claim_issue'],
  actions: [CLAIM_BUTTON, 'claim.release'],
  recognizes(said, understanding) {
    const { issues, otherUrls } = understanding.entities;
    if (issues.length > 0) return GIVE_UP.test(said);
    return otherUrls.length > 0 && WANTS.test(said);
  },
  async run(input, ctx) {
    const isPrivate = ctx.event.kind !== 'message';
    if (input.action?.id === 'claim.release') return release(ctx, input.action.value, true);
    if (input.action) return take(ctx, await resolveTarget(ctx, input.action.value), true);
    const said = input.text.trim();
    if (ctx.event.kind === 'command' && MINE.test(said)) return listMine(ctx);
    if (GIVE_UP.test(said)) return release(ctx, said, isPrivate);
    return take(ctx, await resolveTarget(ctx, said), isPrivate);
  },
  async homeSection(ctx) {
    const mine = await ctx.store.claims.openFor(ctx.user);
    return mine.length === 0 ? [] : [text(ctx.t('claim.mine_intro', { count: mine.length })), claimItems(ctx, mine)];
  },
};

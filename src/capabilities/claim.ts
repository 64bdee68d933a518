// "I want to work on kubernetes/kubernetes#123", a link, "#123" after a listing or the button: claim it, or give it back.
import type { Capability, Ctx } from '../core/capability.js';
import type {
  AskForHelp,
  Catalogue,
  ClaimLimits,
  Claims,
  Funnel,
  Github,
  GithubLogins,
  IssueFacts,
  IssueReader,
  ListingMemory,
  Subscriptions,
  Waitlist,
} from './ports.js';
import { ASKS_HELP, askHelp, HELP_BUTTON, HELP_COMMAND } from './claim-help.js';
import { SHARE_BUTTON } from '../views/journey-buttons.js';
import { listMine, claimItems, release } from './claim-release.js';
import { resolveTarget } from './claim-target.js';
import { take } from './claim-take.js';
import { text } from '../core/blocks.js';
import { CLAIM_BUTTON } from '../views/issue-ref.js';

const A = `['’]`;
/**
 * Giving up, said in the first person about one's own claim (English and French): "I give up on #12",
 * "I'm dropping it", "je laisse tomber", "j'abandonne". A word alone is not enough: "no longer assigned",
 * "the previous assignee no longer replies" or "release notes" are claims or questions, not a give-up.
 */
const GIVE_UP = new RegExp(
  [
    // I give up / I'm giving up / I'll give it up / I want to drop / I'm dropping / I'd like to release / I unclaim
    `\\bi(?:${A}m|${A}ll|${A}d|\\s+am|\\s+will|\\s+would)?(?:\\s+(?:like to|want to|wanna|need to|have to|must|going to|gonna))?\\s+` +
      `(?:(?:give|giving|gave)\\s+(?:it\\s+|this(?:\\s+one)?\\s+)?up|drop(?:ping)?|releas(?:e|ing)|unclaim(?:ing)?|abandon(?:ing)?)\\b`,
    // I'm no longer working on / I'm not going to work on / I'll stop working on / I can't work on it anymore
    `\\bi(?:${A}m|\\s+am)\\s+(?:no longer|not)\\s+(?:going to\\s+|gonna\\s+)?work(?:ing)?\\s+on\\b`,
    `\\bi(?:${A}m|\\s+am|${A}ll|\\s+will)?\\s+stop(?:ping)?\\s+work`,
    `\\bi\\s+can(?:not|${A}?t)\\s+(?:work on|do|finish)\\s+(?:it|this|that)\\s+any\\s?more\\b`,
    // je laisse tomber / je vais laisser tomber / j'abandonne / je renonce / je libère / j'arrête / je ne peux plus y travailler
    `\\bje\\s+(?:(?:vais|veux|préfère|prefere|dois)\\s+)?(?:laisse[rz]?|lâche[rz]?|lache[rz]?)\\s+tomber`,
    `\\bj${A}\\s*(?:abandonne|renonce|arr[eê]te)\\b`,
    `\\bje\\s+(?:renonce|lib[eè]re)\\b`,
    `\\bje\\s+(?:vais|veux|préfère|prefere|dois)\\s+(?:abandonner|renoncer|lib[eé]rer|arr[eê]ter)\\b`,
    `\\bje\\s+ne\\s+(?:veux|vais|peux)\\s+plus\\s+(?:y\\s+travailler|travailler|m${A}en\\s+occuper|le\\s+faire|continuer)`,
  ].join('|'),
  'iu',
);
/** `/claim give up #12`: the command's own first words are explicit enough. */
const GIVE_UP_COMMAND = /^(?:give up|release|drop|unclaim|abandon(?:ner)?|laisser tomber|lib[eé]rer|renoncer)\b/i;
const MINE = /^(mine|mes|list|liste)?$/i;
/** A message that is only a reference ("#51207", "kubernetes/website#51207"): picking one from a list just shown. */
const BARE_REF = /^(?:[\w.-]+\/[\w.-]+)?#\d{1,10}[.!]?$/;
/** Wanting to take something: with a link that is not a GitHub issue, the claim explains what it needs. */
const WANTS = /\b(work on|take|claim|pick up|assign)\b|travailler sur|m'assigner|\bprendre\b/i;

/** What claiming needs: the claims and waiting lists, the index and live checks, and the listing "#123" refers to. */
export type ClaimPorts = Catalogue &
  Claims &
  Waitlist &
  ListingMemory &
  Subscriptions &
  IssueReader &
  Github &
  GithubLogins &
  IssueFacts &
  ClaimLimits &
  Funnel &
  AskForHelp;
export type ClaimCtx = Ctx<ClaimPorts>;

export const claim: Capability<ClaimPorts> = {
  id: 'claim',
  usage: '/claim [owner/repo#123 | link | mine | help #123 | give up #123]',
  command: [{ name: 'issue' }],
  intents: ['claim_issue'],
  actions: [CLAIM_BUTTON, 'claim.release', HELP_BUTTON, SHARE_BUTTON],
  recognizes(said, understanding) {
    const { issues, otherUrls } = understanding.entities;
    // A first-person give-up is ours with or without a number (without one, the reply asks which claim),
    // unless the message asks for something else: "I'm dropping by to ask: any good first issues?".
    if (GIVE_UP.test(said))
      return issues.length > 0 || understanding.intent === 'other' || understanding.intent === 'claim_issue';
    if (BARE_REF.test(said.trim())) return true;
    // "I want to work on #123 but I don't know how", "can someone help me with #123?": a person, not a FAQ.
    if (issues.length > 0 && ASKS_HELP.test(said)) return true;
    return issues.length === 0 && otherUrls.length > 0 && WANTS.test(said);
  },
  async run(input, ctx) {
    const isPrivate = ctx.event.kind !== 'message';
    if (input.action?.id === 'claim.release') return release(ctx, input.action.value, true);
    if (input.action?.id === HELP_BUTTON) return askHelp(ctx, input.action.value, true);
    if (input.action?.id === SHARE_BUTTON) {
      const shared = await ctx.journey.share(ctx.user, input.action.value, ctx.event.origin.userName);
      return {
        blocks: [text(shared ? ctx.t('journey.shared', { channel: shared.channel }) : ctx.t('journey.share_gone'))],
        private: true,
      };
    }
    if (input.action) return take(ctx, await resolveTarget(ctx, input.action.value), true);
    const said = input.text.trim();
    if (ctx.event.kind === 'command' && MINE.test(said)) return listMine(ctx);
    if (GIVE_UP.test(said) || (ctx.event.kind === 'command' && GIVE_UP_COMMAND.test(said)))
      return release(ctx, said, isPrivate);
    if (ctx.event.kind === 'command' && HELP_COMMAND.test(said))
      return askHelp(ctx, said.replace(HELP_COMMAND, ''), isPrivate);
    if (ctx.event.kind === 'message' && ASKS_HELP.test(said) && ctx.understanding?.entities.issues.length)
      return askHelp(ctx, said, isPrivate);
    return take(ctx, await resolveTarget(ctx, said), isPrivate);
  },
  async homeSection(ctx) {
    const mine = await ctx.claims.openFor(ctx.user);
    return mine.length === 0 ? [] : [text(ctx.t('claim.mine_intro', { count: mine.length })), claimItems(ctx, mine)];
  },
};

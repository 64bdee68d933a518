// SIGs: list them, show one, recommend from interests, and join or leave through a picker or buttons.
import { buttons, choice, fields, items, text } from '../core/blocks.js';
import type { Capability, Ctx as AnyCtx } from '../core/capability.js';
import type { Catalogue, DigestSwitch, Funnel, SigRanking, Subscriptions } from './ports.js';
import { UserError } from '../core/errors.js';
import { escapeMarkup } from '../core/markup.js';
import type { Block, Reply } from '../core/types.js';
import { findSig } from '../content/find-sig.js';
import type { Sig } from '../content/types.js';
import { recommendReply } from './sig-recommend.js';
import { sigFields, sigSummary, sigTitle } from './sig-view.js';
import { sigHomeSection } from './sig-home.js';
import { digestButton, digestCommand, digestStatus } from './shared/digest-switch.js';
import { sigChannel } from '../content/channels.js';

/** Groups: the catalogue, what a person follows, their digest switch, and ranking by interests. */
export type SigPorts = Catalogue & Subscriptions & DigestSwitch & SigRanking & Funnel;
type Ctx = AnyCtx<SigPorts>;

const JOIN_WORDS = new Set(['join', 'rejoindre', 'suivre', 'pick', 'subscribe']);
const LEAVE_WORDS = new Set(['leave', 'quitter', 'unsubscribe']);
const MINE_WORDS = new Set(['mine', 'mes', 'me', 'moi']);
const DIGEST_WORDS = new Set(['digest', 'résumé', 'resume']);

function requireSig(ctx: Ctx, typed: string): Sig {
  const sig = findSig(ctx.content, typed);
  if (!sig) throw new UserError('sig.not_found', { name: typed.slice(0, 80) });
  return sig;
}

function picker(ctx: Ctx, first: Sig[] = []): Block {
  const order = [...first, ...ctx.content.sigs.filter((s) => !first.includes(s))];
  return choice(
    'sig.pick',
    ctx.t('sig.pick_placeholder'),
    order.map((s) => ({ label: s.name, value: s.id, description: `${s.id} · ${ctx.t(`sig.kind_${s.kind}`)}` })),
  );
}

function list(ctx: Ctx): Reply {
  const lines = ctx.content.sigs.map((s) => `• **${escapeMarkup(s.name)}** — \`${s.id}\``);
  return {
    blocks: [text(ctx.t('sig.list_intro', { count: ctx.content.sigs.length })), text(lines.join('\n')), picker(ctx)],
    private: true,
  };
}

async function show(ctx: Ctx, sig: Sig, isPrivate: boolean): Promise<Reply> {
  const following = (await ctx.subscriptions.list(ctx.user)).includes(sig.id);
  const action = following
    ? { id: 'sig.leave', label: ctx.t('sig.button_leave'), value: sig.id, style: 'danger' as const }
    : { id: 'sig.pick', label: ctx.t('sig.button_join'), value: sig.id, style: 'primary' as const };
  return {
    blocks: [text(sigTitle(sig, ctx)), text(sigSummary(sig, ctx)), fields(sigFields(sig, ctx)), buttons([action])],
    private: isPrivate,
  };
}

async function join(ctx: Ctx, sig: Sig): Promise<Reply> {
  const added = await ctx.subscriptions.add(ctx.user, sig.id, ctx.now());
  ctx.funnel.record('picked_group', ctx.user, { group: sig.id, language: ctx.locale }, ctx.now());
  const channel = sigChannel(sig, ctx.event.origin.platform);
  const key = added ? 'sig.joined' : 'sig.already_joined';
  const blocks: Block[] = [text(ctx.t(key, { name: sig.name })), fields(sigFields(sig, ctx))];
  if (channel) blocks.push(text(ctx.t('sig.say_hello', { channel })));
  blocks.push(text(ctx.t('sig.next_step_issues')));
  // Someone who just joined is the one most likely to want the group's new issues every week.
  if (!(await ctx.digestSwitch.dmOn(ctx.user))) blocks.push(buttons([digestButton(ctx, false)]));
  return { blocks, private: true };
}

async function leave(ctx: Ctx, sig: Sig): Promise<Reply> {
  const removed = await ctx.subscriptions.remove(ctx.user, sig.id);
  return { blocks: [text(ctx.t(removed ? 'sig.left' : 'sig.not_following', { name: sig.name }))], private: true };
}

async function mine(ctx: Ctx): Promise<Reply> {
  const ids = await ctx.subscriptions.list(ctx.user);
  const sigs = ids.map((id) => ctx.content.sigById.get(id)).filter((s): s is Sig => s !== undefined);
  if (sigs.length === 0) return { blocks: [text(ctx.t('sig.mine_none')), picker(ctx)], private: true };
  return {
    blocks: [
      text(ctx.t('sig.mine_intro', { count: sigs.length })),
      items(
        sigs.map((s) => ({
          title: s.name,
          detail: `\`${s.id}\``,
          button: { id: 'sig.leave', label: ctx.t('sig.button_leave'), value: s.id },
        })),
      ),
      ...(await digestStatus(ctx)),
    ],
    private: true,
  };
}

export const sig: Capability<SigPorts> = {
  id: 'sig',
  usage: '/sig [interests | id | join id | leave id | mine | digest on|off]',
  command: [{ name: 'interests', autocomplete: 'sigs' }],
  intents: ['recommend_sig'],
  actions: ['sig.pick', 'sig.leave', 'sig.list'],
  homeSection: sigHomeSection,
  async run(input, ctx) {
    if (input.action) {
      if (input.action.id === 'sig.list') return list(ctx);
      const target = requireSig(ctx, input.action.value);
      return input.action.id.startsWith('sig.leave') ? leave(ctx, target) : join(ctx, target);
    }
    if (ctx.understanding && ctx.event.kind === 'message') {
      // One group named by its id or name is shown; aliases ("networking") are interests to rank.
      const { sigs, sigMentions } = ctx.understanding.entities;
      const named = sigMentions ? sigMentions.filter((m) => m.how !== 'alias').map((m) => m.sigId) : sigs;
      const only = named.length === 1 ? ctx.content.sigById.get(named[0]!) : undefined;
      return only ? show(ctx, only, false) : recommendReply(ctx, input.text, false, (first) => picker(ctx, first));
    }
    const args = input.text.trim();
    if (!args) return list(ctx);
    const [verb, ...rest] = args.split(/\s+/);
    const lowered = verb!.toLowerCase();
    if (MINE_WORDS.has(lowered) && rest.length === 0) return mine(ctx);
    if (DIGEST_WORDS.has(lowered)) return digestCommand(ctx, rest.join(' '));
    if (JOIN_WORDS.has(lowered) && rest.length > 0) return join(ctx, requireSig(ctx, rest.join(' ')));
    if (LEAVE_WORDS.has(lowered) && rest.length > 0) return leave(ctx, requireSig(ctx, rest.join(' ')));
    const named = findSig(ctx.content, args);
    return named ? show(ctx, named, true) : recommendReply(ctx, args, true, (first) => picker(ctx, first));
  },
};

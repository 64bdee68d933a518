// A person's weekly-digest switch, shared by the digest capability (its button, the home) and `/sig digest on|off`.
import { buttons, text } from '../../core/blocks.js';
import type { Ctx as AnyCtx } from '../../core/capability.js';
import type { Block, Button, Reply } from '../../core/types.js';
import { DIGEST_TOGGLE_ACTION } from '../../digest/compose.js';
import type { Catalogue, DigestSwitch, Subscriptions } from '../ports.js';

export type DigestPorts = Catalogue & DigestSwitch & Subscriptions;
type Ctx = AnyCtx<DigestPorts>;

const ON_WORDS = new Set(['on', 'yes', 'oui', 'enable', 'start', 'activer', 'active']);
const OFF_WORDS = new Set(['off', 'no', 'non', 'disable', 'stop', 'désactiver', 'desactiver', 'arrêter', 'arreter']);

/** The button that flips the switch from where it stands now. */
export function digestButton(ctx: AnyCtx, on: boolean): Button {
  return on
    ? { id: DIGEST_TOGGLE_ACTION, label: ctx.t('digest.button_off'), value: 'off' }
    : { id: DIGEST_TOGGLE_ACTION, label: ctx.t('digest.button_on'), value: 'on', style: 'primary' };
}

/** Where the switch stands, with the button that flips it: for `/sig mine`, `/sig digest` and the home. */
export async function digestStatus(ctx: Ctx): Promise<Block[]> {
  const on = await ctx.digestSwitch.dmOn(ctx.user);
  return [text(ctx.t(on ? 'digest.status_on' : 'digest.status_off')), buttons([digestButton(ctx, on)])];
}

export async function setDigest(ctx: Ctx, on: boolean): Promise<Reply> {
  const changed = await ctx.digestSwitch.setDm(ctx.user, on, ctx.now());
  const blocks: Block[] = [];
  if (!changed) blocks.push(text(ctx.t(on ? 'digest.already_on' : 'digest.already_off')));
  else if (!on) blocks.push(text(ctx.t('digest.turned_off')));
  else {
    const names = (await ctx.subscriptions.list(ctx.user))
      .map((id) => ctx.content.sigById.get(id)?.name)
      .filter((n): n is string => !!n);
    blocks.push(
      text(
        names.length > 0 ? ctx.t('digest.turned_on', { groups: names.join(', ') }) : ctx.t('digest.turned_on_no_sigs'),
      ),
    );
  }
  if (on && ctx.event.origin.platform === 'console') blocks.push(text(ctx.t('digest.console_note')));
  blocks.push(buttons([digestButton(ctx, on)]));
  return { blocks, private: true };
}

/** `/sig digest [on|off]`: bare, it shows where the switch stands; anything else is explained. */
export async function digestCommand(ctx: Ctx, args: string): Promise<Reply> {
  const word = args.trim().toLowerCase();
  if (ON_WORDS.has(word)) return setDigest(ctx, true);
  if (OFF_WORDS.has(word)) return setDigest(ctx, false);
  const blocks = await digestStatus(ctx);
  return { blocks: word ? [text(ctx.t('digest.usage')), ...blocks] : blocks, private: true };
}

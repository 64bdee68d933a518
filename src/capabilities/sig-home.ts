// The SIG part of a person's home: the groups they follow, each with Leave, and a picker to join another.
import { choice, items, text } from '../core/blocks.js';
import type { Ctx } from '../core/capability.js';
import type { Catalogue, Subscriptions } from './ports.js';
import { escapeMarkup } from '../core/markup.js';
import type { Block } from '../core/types.js';
import type { Sig } from '../content/types.js';
import { sigChannel } from '../content/channels.js';

export async function sigHomeSection(ctx: Ctx<Catalogue & Subscriptions>): Promise<Block[]> {
  const ids = await ctx.subscriptions.list(ctx.user);
  const following = ids.map((id) => ctx.content.sigById.get(id)).filter((s): s is Sig => s !== undefined);
  const others = ctx.content.sigs.filter((s) => !following.includes(s));
  const picker = choice(
    'sig.pick',
    ctx.t('sig.pick_placeholder'),
    others.map((s) => ({ label: s.name, value: s.id, description: `${s.id} · ${ctx.t(`sig.kind_${s.kind}`)}` })),
  );
  if (following.length === 0)
    return [text(ctx.t('slack.home.sigs_title')), text(ctx.t('slack.home.sigs_none')), picker];
  const list = items(
    following.map((s) => {
      const channel = sigChannel(s, ctx.event.origin.platform);
      return {
        title: s.name,
        detail: channel ? `\`${escapeMarkup(s.id)}\` · #${escapeMarkup(channel)}` : `\`${escapeMarkup(s.id)}\``,
        button: { id: 'sig.leave', label: ctx.t('sig.button_leave'), value: s.id },
      };
    }),
  );
  const blocks: Block[] = [text(ctx.t('slack.home.sigs_title')), list];
  if (others.length > 0) blocks.push(text(ctx.t('slack.home.sigs_more')), picker);
  return blocks;
}

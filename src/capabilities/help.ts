// Help: generated from the capability registry, so it can never drift from what the bot does.
import { text } from '../core/blocks.js';
import type { Capability, CapabilityInfo, Ctx } from '../core/capability.js';

/** The registry as help reads it: ids, usage lines and which are commands. */
export interface Registry {
  registry: () => readonly CapabilityInfo[];
}

/** The syntax line in the person's language (`usage.<id>` in the locales), else the capability's own. */
function usageOf(c: CapabilityInfo, ctx: Ctx): string {
  const key = `usage.${c.id}`;
  return ctx.translator.has(ctx.locale, key) ? ctx.t(key) : ctx.translator.nameCommands(c.usage, ctx.where);
}

export const help: Capability<Registry> = {
  id: 'help',
  usage: '/help',
  command: [],
  async run(_input, ctx) {
    const lines = ctx
      .registry()
      .filter((c) => c.command !== false)
      .map((c) => `• \`${usageOf(c, ctx)}\` — ${ctx.t(`help.${c.id}`)}`);
    return {
      blocks: [text(ctx.t('help.intro')), text(lines.join('\n')), text(ctx.t('help.free_text'))],
      private: true,
    };
  },
};

// Help: generated from the capability registry, so it can never drift from what the bot does.
import { text } from '../core/blocks.js';
import type { Capability, Ctx } from '../core/capability.js';

/** The syntax line in the person's language (`usage.<id>` in the locales), else the capability's own. */
function usageOf(c: Capability, ctx: Ctx): string {
  const key = `usage.${c.id}`;
  return ctx.translator.has(ctx.locale, key) ? ctx.t(key) : ctx.translator.nameCommands(c.usage, ctx.where);
}

export function createHelp(registry: () => readonly Capability[]): Capability {
  return {
    id: 'help',
    usage: '/help',
    command: [],
    async run(_input, ctx) {
      const lines = registry()
        .filter((c) => c.command !== false)
        .map((c) => `• \`${usageOf(c, ctx)}\` — ${ctx.t(`help.${c.id}`)}`);
      return { blocks: [text(ctx.t('help.intro')), text(lines.join('\n')), text(ctx.t('help.free_text'))], private: true };
    },
  };
}

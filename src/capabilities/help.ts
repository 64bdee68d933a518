// Help: generated from the capability registry, so it can never drift from what the bot does.
import { text } from '../core/blocks.js';
import type { Capability } from '../core/capability.js';
import { whereOf } from '../core/command-names.js';

export function createHelp(registry: () => readonly Capability[]): Capability {
  return {
    id: 'help',
    usage: '/help',
    command: [],
    async run(_input, ctx) {
      const lines = registry()
        .filter((c) => c.command !== false)
        .map((c) => `• \`${ctx.translator.nameCommands(c.usage, ctx.locale, whereOf(ctx.event.origin))}\` — ${ctx.t(`help.${c.id}`)}`);
      return { blocks: [text(ctx.t('help.intro')), text(lines.join('\n')), text(ctx.t('help.free_text'))], private: true };
    },
  };
}

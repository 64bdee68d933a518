// A choice when unsure: one short question with the likely paths as buttons; the core routes the click.
import { buttons, text } from '../core/blocks.js';
import { CHOOSE_ACTION, choiceValue } from '../core/bot.js';
import type { Capability, CapabilityInfo, Ctx } from '../core/capability.js';

/** The words the person wrote travel with the button (Discord stashes long values), bounded. */
const MAX_CARRIED_CHARS = 500;

/** Which paths exist: an intent is offered only when a capability answers it. */
export interface Paths {
  registry: () => readonly CapabilityInfo[];
}

/** "a, b or c" in the person's language. */
function joinPaths(paths: string[], ctx: Ctx): string {
  if (paths.length <= 1) return paths[0] ?? '';
  return `${paths.slice(0, -1).join(', ')} ${ctx.t('choose.or')} ${paths.at(-1)}`;
}

export const choose: Capability<Paths> = {
  id: 'choose',
  usage: '',
  command: false,
  actions: [CHOOSE_ACTION],
  async run(input, ctx) {
    const owned = new Set(ctx.registry().flatMap((c) => c.intents ?? []));
    const offered = (ctx.understanding?.alternatives ?? []).filter((a) => owned.has(a.intent));
    if (offered.length === 0) return null;
    const words = input.text.slice(0, MAX_CARRIED_CHARS);
    const paths = joinPaths(
      offered.map((a) => ctx.t(`choose.path.${a.intent}`)),
      ctx,
    );
    return {
      blocks: [
        text(ctx.t('choose.question', { paths })),
        buttons(
          offered.map((a, i) => ({
            id: CHOOSE_ACTION,
            label: ctx.t(`choose.button.${a.intent}`),
            value: choiceValue(a.intent, words),
            ...(i === 0 ? { style: 'primary' as const } : {}),
          })),
        ),
      ],
    };
  },
};

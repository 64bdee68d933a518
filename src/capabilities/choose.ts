// A choice when unsure: one short question with the likely paths as buttons; a click runs the chosen path.
import { buttons, text } from '../core/blocks.js';
import type { Capability, Ctx } from '../core/capability.js';
import type { Intent, Understanding } from '../nlu/types.js';

export const CHOOSE_ACTION = 'choose.path';
/** The words the person wrote travel with the button (Discord stashes long values), bounded. */
const MAX_CARRIED_CHARS = 500;

interface Carried {
  intent: Intent;
  text: string;
}

function parseValue(value: string): Carried | null {
  try {
    const v = JSON.parse(value) as Partial<Carried>;
    return typeof v.intent === 'string' && typeof v.text === 'string' ? (v as Carried) : null;
  } catch {
    return null;
  }
}

/** "a, b or c" in the person's language. */
function joinPaths(paths: string[], ctx: Ctx): string {
  if (paths.length <= 1) return paths[0] ?? '';
  return `${paths.slice(0, -1).join(', ')} ${ctx.t('choose.or')} ${paths.at(-1)}`;
}

export function createChoose(registry: () => readonly Capability[]): Capability {
  const ownerOf = (intent: Intent) => registry().find((c) => c.intents?.includes(intent));
  return {
    id: 'choose',
    usage: '',
    command: false,
    actions: [CHOOSE_ACTION],
    async run(input, ctx) {
      if (input.action) {
        const carried = parseValue(input.action.value);
        const owner = carried && ownerOf(carried.intent);
        if (!carried || !owner) return null;
        // As if the chosen intent had been understood from the same words.
        const understood = ctx.nlu.understand(carried.text || ' ');
        const understanding: Understanding = { ...understood, intent: carried.intent, confidence: 1, unsure: false };
        return owner.run({ text: carried.text, understanding }, ctx);
      }
      const offered = (input.understanding?.alternatives ?? []).filter((a) => ownerOf(a.intent));
      if (offered.length === 0) return null;
      const carriedText = input.text.slice(0, MAX_CARRIED_CHARS);
      return {
        blocks: [
          text(ctx.t('choose.question', { paths: joinPaths(offered.map((a) => ctx.t(`choose.path.${a.intent}`)), ctx) })),
          buttons(
            offered.map((a, i) => ({
              id: CHOOSE_ACTION,
              label: ctx.t(`choose.button.${a.intent}`),
              value: JSON.stringify({ intent: a.intent, text: carriedText } satisfies Carried),
              ...(i === 0 ? { style: 'primary' as const } : {}),
            })),
          ),
        ],
      };
    },
  };
}

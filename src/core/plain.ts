// Renders neutral blocks as plain text: the console's output and every platform's text fallback.
import { markupToPlain } from './markup.js';
import type { Block, Reply } from './types.js';

/**
 * Control characters (terminal escapes), and bidi overrides that reorder what a reader sees: text from
 * chat or GitHub must never carry them to a terminal. Line breaks and tabs stay.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function stripControl(text: string): string {
  return text.replace(CONTROL, '');
}

/** Cuts to `max` characters (code points kept whole) with a visible ellipsis when anything was cut. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = s.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

export function blockToPlain(block: Block): string {
  switch (block.type) {
    case 'text':
      return markupToPlain(block.text);
    case 'items':
      return block.items
        .map((it, i) => {
          const head = `${i + 1}. ${it.title}${it.url ? ` <${it.url}>` : ''}`;
          return it.detail ? `${head}\n   ${markupToPlain(it.detail)}` : head;
        })
        .join('\n');
    case 'fields':
      return block.fields.map((f) => `${f.label}: ${markupToPlain(f.value)}`).join('\n');
    case 'choice':
      return [
        block.placeholder,
        ...block.options.map((o, i) => `  ${i + 1}) ${o.label}${o.description ? ` — ${o.description}` : ''}`),
      ].join('\n');
    case 'buttons':
      return block.buttons.map((b) => `[${b.label}]`).join(' ');
    case 'divider':
      return '---';
  }
}

export function replyToPlain(reply: Reply): string {
  return reply.blocks.map(blockToPlain).join('\n');
}

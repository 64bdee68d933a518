// Renders neutral blocks as plain text: the console's output and every platform's text fallback.
import { markupToPlain } from './markup.js';
import type { Block, Reply } from './types.js';

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
      return [block.placeholder, ...block.options.map((o, i) => `  ${i + 1}) ${o.label}${o.description ? ` — ${o.description}` : ''}`)].join('\n');
    case 'buttons':
      return block.buttons.map((b) => `[${b.label}]`).join(' ');
    case 'divider':
      return '---';
  }
}

export function replyToPlain(reply: Reply): string {
  return reply.blocks.map(blockToPlain).join('\n');
}

// Renders neutral replies as Discord messages: content, embeds and components, always within the limits.
import { ButtonStyle, ComponentType, type APIButtonComponentWithCustomId, type APIEmbedField } from 'discord.js';
import { clip, safeUrl, type Block, type Button, type LinkedItem, type Reply } from '../../src/core/index.js';
import { buttonCustomId, selectCustomId, type Stash } from './custom-id.js';
import { createLayout, type DiscordMessage } from './layout.js';
import { LIMITS } from './limits.js';
import { escapeText, link, toMarkdown } from './markdown.js';
import { menuOptions, selectMenu, type MenuWords } from './menu.js';

export interface Words extends MenuWords {
  /** Ends the last message when a reply was too long even for several. */
  trimmed: string;
}

export interface Rendered {
  messages: DiscordMessage[];
  /** What custom_ids refer to but could not carry; the adapter keeps it for every replica (see stash.ts). */
  stash: Stash;
}

const ZWSP = '\u200b'; // Discord refuses empty field names and values

const STYLE = { primary: ButtonStyle.Primary, danger: ButtonStyle.Danger } as const;

function button(b: Button, stash: Stash, prefix = ''): APIButtonComponentWithCustomId {
  const label = clip(`${prefix}${b.label}`.trim() || b.value || '…', LIMITS.buttonLabel);
  const style = b.style ? STYLE[b.style] : ButtonStyle.Secondary;
  return { type: ComponentType.Button, style, label, custom_id: buttonCustomId(b.id, b.value, stash) };
}

function itemLine(item: LinkedItem, n: number): string {
  const title = item.title.replace(/\s+/g, ' ').trim();
  const url = item.url ? safeUrl(item.url) : null;
  const head = `**${n}.** ${url ? link(title, url) : escapeText(title)}`;
  return item.detail ? `${head}\n${toMarkdown(item.detail)}` : head;
}

function field(label: string, value: string): APIEmbedField {
  const name = clip(escapeText(label.replace(/\s+/g, ' ').trim()), LIMITS.fieldName) || ZWSP;
  return { name, value: clip(toMarkdown(value).trim(), LIMITS.fieldValue) || ZWSP, inline: false };
}

export function renderReply(reply: Reply, words: Words): Rendered {
  const stash: Stash = new Map();
  const layout = createLayout();
  let menus = 0;
  const rowsOf = <T>(list: T[], size: number) =>
    Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));

  const render = (block: Block) => {
    switch (block.type) {
      case 'text':
        return layout.text(toMarkdown(block.text));
      case 'divider':
        return; // blocks are already separated by a blank line
      case 'items': {
        const gap = block.items.some((i) => i.detail) ? '\n\n' : '\n';
        layout.text(block.items.map((item, i) => itemLine(item, i + 1)).join(gap));
        const withButtons = block.items.flatMap((item, i) => (item.button ? [{ b: item.button, n: i + 1 }] : []));
        const numbered = withButtons.length > 1;
        for (const row of rowsOf(withButtons, LIMITS.buttonsPerRow))
          layout.row(row.map(({ b, n }) => button(b, stash, numbered ? `${n}. ` : '')));
        return;
      }
      case 'fields':
        return layout.fields(block.fields.map((f) => field(f.label, f.value)));
      case 'choice': {
        const options = menuOptions(block.options, stash);
        if (options.length > 0)
          layout.row([selectMenu(selectCustomId(block.id, menus++, stash), block.placeholder, options, stash, words)]);
        return;
      }
      case 'buttons':
        for (const row of rowsOf(block.buttons, LIMITS.buttonsPerRow)) layout.row(row.map((b) => button(b, stash)));
        return;
    }
  };
  for (const block of reply.blocks) render(block);
  return { messages: layout.finish(escapeText(words.trimmed)), stash };
}

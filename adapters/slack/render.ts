// Neutral replies → Block Kit within Slack's limits, with a top-level text fallback for notifications.
import type { types } from '@slack/bolt';
import { replyToPlain, safeUrl, type Block, type Button, type ChoiceOption, type Reply } from '../../src/core/index.js';
import { chunkLines, cut, escapeText, linkUrl, plain, plainText, toMrkdwn } from './mrkdwn.js';

type KnownBlock = types.KnownBlock;
type ButtonElement = types.Button;

/** Block Kit's documented limits (docs.slack.dev, Block Kit reference). */
export const LIMITS = {
  messageBlocks: 50,
  homeBlocks: 100,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  options: 100,
  optionText: 75,
  optionValue: 150,
  placeholder: 150,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  fallbackText: 3000,
  /**
   * Characters of text across all blocks. Slack documents no such limit but answers `msg_blocks_too_long`
   * past about 13,200 (less with more blocks: slackapi/bolt-js#2509); 11,000 keeps a margin. Views document
   * none either, so App Home gets the same budget.
   */
  blocksText: 11_000,
} as const;

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Slack rejects a message whose action_ids repeat; each gets `~n`, which inbound strips. */
const SUFFIX = /~\d+$/;
export const neutralActionId = (slackActionId: string): string => slackActionId.replace(SUFFIX, '');

/** What was left out, shown where it happened so nobody mistakes a clamped list for the whole one. */
const more = (hidden: number): KnownBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: `… (+${hidden})`, verbatim: true }],
});

const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text, verbatim: true });

function createIds() {
  let n = 0;
  return (id: string) => `${id}~${n++}`;
}

function button(b: Button, id: (neutral: string) => string): ButtonElement {
  return {
    type: 'button',
    action_id: id(b.id),
    text: { type: 'plain_text', text: plainText(b.label, LIMITS.buttonText), emoji: true },
    value: b.value.slice(0, LIMITS.buttonValue),
    ...(b.style ? { style: b.style } : {}),
  };
}

/** Select menus show no option description (only radio buttons and checkboxes do), so it joins the label. */
function option(o: ChoiceOption) {
  const label = o.description ? `${o.label} (${o.description})` : o.label;
  return {
    text: { type: 'plain_text' as const, text: plainText(label, LIMITS.optionText), emoji: true },
    value: o.value,
  };
}

function renderBlock(block: Block, id: (neutral: string) => string): KnownBlock[] {
  switch (block.type) {
    case 'text':
      return chunkLines(toMrkdwn(block.text), LIMITS.sectionText).map((text) => ({
        type: 'section',
        text: mrkdwn(text),
      }));
    case 'items':
      return block.items.map((item) => {
        const url = item.url ? safeUrl(item.url) : null;
        const title = url ? `*<${linkUrl(url)}|${escapeText(item.title)}>*` : `*${escapeText(item.title)}*`;
        const body = item.detail ? `${title}\n${toMrkdwn(item.detail)}` : title;
        return {
          type: 'section',
          text: mrkdwn(cut(body, LIMITS.sectionText)),
          ...(item.button ? { accessory: button(item.button, id) } : {}),
        };
      });
    case 'fields': {
      const out: KnownBlock[] = [];
      for (let i = 0; i < block.fields.length; i += LIMITS.fields) {
        const fields = block.fields
          .slice(i, i + LIMITS.fields)
          .map((f) => mrkdwn(cut(`*${escapeText(f.label)}*\n${toMrkdwn(f.value)}`, LIMITS.fieldText)));
        out.push({ type: 'section', fields });
      }
      return out;
    }
    case 'choice': {
      const usable = block.options.filter((o) => o.value.length > 0 && o.value.length <= LIMITS.optionValue);
      if (usable.length === 0) return [];
      const shown = usable.slice(0, LIMITS.options);
      const select: KnownBlock = {
        type: 'actions',
        elements: [
          {
            type: 'static_select',
            action_id: id(block.id),
            placeholder: { type: 'plain_text', text: plainText(block.placeholder, LIMITS.placeholder), emoji: true },
            options: shown.map(option),
          },
        ],
      };
      return block.options.length > shown.length ? [select, more(block.options.length - shown.length)] : [select];
    }
    case 'buttons': {
      const out: KnownBlock[] = [];
      for (let i = 0; i < block.buttons.length; i += LIMITS.actionsElements)
        out.push({
          type: 'actions',
          elements: block.buttons.slice(i, i + LIMITS.actionsElements).map((b) => button(b, id)),
        });
      return out;
    }
    case 'divider':
      return [{ type: 'divider' }];
  }
}

/** Characters of every `text` a block shows (mrkdwn and plain_text alike), which is what Slack counts. */
function textLength(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((n: number, x) => n + textLength(x), 0);
  if (!node || typeof node !== 'object') return 0;
  let n = 0;
  for (const [key, value] of Object.entries(node))
    n += key === 'text' && typeof value === 'string' ? value.length : textLength(value);
  return n;
}

/** Room kept for the `… (+N)` marker, so adding it never crosses the budget. */
const MORE_ROOM = 20;

/** Blocks in order until the count or the text budget runs out; what is left becomes one `… (+N)`. */
function renderBlocks(blocks: Block[], limit: number, budget: number = LIMITS.blocksText): KnownBlock[] {
  const id = createIds();
  const all = blocks.flatMap((b) => renderBlock(b, id));
  const out: KnownBlock[] = [];
  let used = 0;
  for (const [i, block] of all.entries()) {
    const last = i === all.length - 1;
    const size = textLength(block);
    if (out.length >= (last ? limit : limit - 1) || used + size > (last ? budget : budget - MORE_ROOM))
      return [...out, more(all.length - i)];
    out.push(block);
    used += size;
  }
  return out;
}

/** One reply as one message: blocks for people, `text` for notifications and clients without blocks. */
export function renderMessage(reply: Reply): SlackMessage {
  const fallback = plain(replyToPlain(reply).trim(), LIMITS.fallbackText);
  return { text: fallback || '…', blocks: renderBlocks(reply.blocks, LIMITS.messageBlocks) };
}

/** A person's App Home tab (up to 100 blocks). */
export function renderHome(reply: Reply): types.HomeView {
  return { type: 'home', blocks: renderBlocks(reply.blocks, LIMITS.homeBlocks) };
}

// An answer from the community's FAQ, with its links: for the FAQ itself and for a precise "how do I…" question.
import { text } from '../../core/blocks.js';
import type { Ctx } from '../../core/capability.js';
import type { Reply } from '../../core/types.js';
import type { FaqEntry } from '../../content/schema.js';
import { localized } from '../../content/types.js';

/** Retrieval scores at or above this are answered; below it the bot says it is not sure. */
export const FAQ_CONFIDENT = 0.4;
/** A general "how do I contribute?" gets the whole path unless an FAQ entry matches it this closely. */
export const FAQ_PRECISE = 0.75;

export function faqReply(entry: FaqEntry, ctx: Ctx, isPrivate: boolean): Reply {
  const links = entry.links
    .map((l) => `[${localized(l.label, ctx.locale).replace(/[[\]\\]/g, '')}](${l.url})`)
    .join(' · ');
  const blocks = [text(localized(entry.answer, ctx.locale))];
  if (links) blocks.push(text(ctx.t('faq.links', { linksMarkup: links })));
  return { blocks, private: isPrivate };
}

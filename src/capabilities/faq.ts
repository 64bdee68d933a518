// Grounded answers from the community's FAQ, and an honest fallback when nothing fits.
import { text } from '../core/blocks.js';
import type { Capability, Ctx } from '../core/capability.js';
import type { FaqEntry } from '../content/schema.js';
import { localized } from '../content/types.js';
import type { Reply } from '../core/types.js';
import { helpChannel } from '../content/channels.js';

/** Retrieval scores at or above this are answered; below it the bot says it is not sure. */
export const FAQ_CONFIDENT = 0.4;
/** A general "how do I contribute?" gets the whole path unless an FAQ entry matches it this closely. */
export const FAQ_PRECISE = 0.75;

export function faqReply(entry: FaqEntry, ctx: Ctx, isPrivate: boolean): Reply {
  const links = entry.links.map((l) => `[${localized(l.label, ctx.locale).replace(/[[\]\\]/g, '')}](${l.url})`).join(' · ');
  const blocks = [text(localized(entry.answer, ctx.locale))];
  if (links) blocks.push(text(ctx.t('faq.links', { linksMarkup: links })));
  return { blocks, private: isPrivate };
}

function fallback(ctx: Ctx): Reply {
  const { community } = ctx.content;
  const platform = ctx.event.origin.platform;
  const channel = helpChannel(ctx.content, platform);
  const blocks = [
    text(ctx.t('faq.not_sure')),
    text(ctx.t('faq.try_guide', { url: community.links.contributorGuide })),
  ];
  if (channel) blocks.push(text(ctx.t('faq.try_channel', { channel })));
  blocks.push(text(ctx.t('faq.try_commands')));
  return { blocks, private: false };
}

export const faq: Capability = {
  id: 'faq',
  usage: '/faq [question]',
  command: [{ name: 'question' }],
  intents: ['other'],
  async run(input, ctx) {
    // "thanks!" or "bonjour" alone deserve a human answer, not "I'm not sure I understood".
    const courtesy = input.understanding?.courtesy;
    if (courtesy) return { blocks: [text(ctx.t(courtesy === 'thanks' ? 'faq.thanks' : 'faq.hello'))], private: false };
    const question = input.text.trim();
    if (!question) {
      const topics = ctx.content.faq.map((e) => `• ${(e.questions[ctx.locale] ?? e.questions.en)[0]}`).join('\n');
      return { blocks: [text(ctx.t('faq.topics')), text(topics)], private: true };
    }
    const answer = ctx.nlu.answerFaq(question, ctx.locale);
    if (answer && answer.score >= FAQ_CONFIDENT) return faqReply(answer.entry, ctx, ctx.event.kind !== 'message');
    return fallback(ctx);
  },
};

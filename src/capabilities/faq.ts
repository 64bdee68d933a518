// Grounded answers from the community's FAQ, and an honest fallback when nothing fits.
import { text } from '../core/blocks.js';
import type { Capability, Ctx } from '../core/capability.js';
import { FAQ_CONFIDENT, faqReply } from './shared/faq-answer.js';

export { FAQ_CONFIDENT, FAQ_PRECISE, faqReply } from './shared/faq-answer.js';
import type { Catalogue, FaqSearch } from './ports.js';
import type { Reply } from '../core/types.js';
import { helpChannel } from '../content/channels.js';

function fallback(ctx: Ctx<Catalogue>): Reply {
  const { community } = ctx.content;
  const platform = ctx.event.origin.platform;
  const channel = helpChannel(ctx.content, platform);
  const blocks = [text(ctx.t('faq.not_sure')), text(ctx.t('faq.try_guide', { url: community.links.contributorGuide }))];
  if (channel) blocks.push(text(ctx.t('faq.try_channel', { channel })));
  blocks.push(text(ctx.t('faq.try_commands')));
  return { blocks, private: false };
}

export const faq: Capability<Catalogue & FaqSearch> = {
  id: 'faq',
  usage: '/faq [question]',
  command: [{ name: 'question' }],
  intents: ['other'],
  async run(input, ctx) {
    // "thanks!" or "bonjour" alone deserve a human answer, not "I'm not sure I understood".
    const courtesy = ctx.understanding?.courtesy;
    if (courtesy) return { blocks: [text(ctx.t(courtesy === 'thanks' ? 'faq.thanks' : 'faq.hello'))], private: false };
    const question = input.text.trim();
    if (!question) {
      const topics = ctx.content.faq.map((e) => `• ${(e.questions[ctx.locale] ?? e.questions.en)[0]}`).join('\n');
      return { blocks: [text(ctx.t('faq.topics')), text(topics)], private: true };
    }
    const answer = ctx.faq.answer(question, ctx.locale);
    if (answer && answer.score >= FAQ_CONFIDENT) return faqReply(answer.entry, ctx, ctx.event.kind !== 'message');
    return fallback(ctx);
  },
};

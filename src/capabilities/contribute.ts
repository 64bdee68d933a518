// The onboarding path: read the guide, pick a SIG, find an issue, say you want it, open a pull request.
import { buttons, items, text } from '../core/blocks.js';
import type { Capability, Ctx } from '../core/capability.js';
import type { Catalogue, FaqSearch } from './ports.js';
import { localized } from '../content/types.js';
import type { Reply } from '../core/types.js';
import { faqReply, FAQ_PRECISE } from './shared/faq-answer.js';

export function onboardingReply(ctx: Ctx<Catalogue>, isPrivate: boolean): Reply {
  const { community } = ctx.content;
  // The steps are the community's words and may name commands ("Tell me what you like (/sig)"): named as here.
  const steps = items(
    community.onboarding.map((step) => ({
      title: localized(step.title, ctx.locale),
      ...(step.url ? { url: step.url } : {}),
      detail: ctx.translator.nameCommands(localized(step.text, ctx.locale), ctx.where),
    })),
  );
  return {
    blocks: [
      text(ctx.t('contribute.intro', { community: community.name })),
      steps,
      text(ctx.t('contribute.just_say_it')),
      buttons([
        { id: 'sig.list', label: ctx.t('contribute.button_sigs'), value: 'all', style: 'primary' },
        ...(ctx.capabilityIds.has('issues')
          ? [{ id: 'issues.list', label: ctx.t('contribute.button_issues'), value: 'all' }]
          : []),
      ]),
    ],
    private: isPrivate,
  };
}

export const contribute: Capability<Catalogue & FaqSearch> = {
  id: 'contribute',
  usage: '/contribute',
  command: [],
  intents: ['contribute_howto'],
  async run(input, ctx) {
    // A precise question ("how do I sign the CLA?") deserves its precise answer, not the whole path.
    if (ctx.understanding && input.text) {
      const answer = ctx.faq.answer(input.text, ctx.locale);
      if (answer && answer.score >= FAQ_PRECISE) return faqReply(answer.entry, ctx, false);
    }
    return onboardingReply(ctx, ctx.event.kind !== 'message');
  },
};

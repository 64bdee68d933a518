// The answer to "which SIG fits me?": the best groups for someone's words, why each fits, and how to join.
import { defaultKind } from '../content/group-words.js';
import { divider, items, text } from '../core/blocks.js';
import type { Ctx as AnyCtx } from '../core/capability.js';
import type { Catalogue, SigRanking } from './ports.js';

type Ctx = AnyCtx<Catalogue & SigRanking>;
import type { Block, Reply } from '../core/types.js';
import type { Sig } from '../content/types.js';
import type { SigRecommendation } from '../nlu/types.js';
import { sigSummary } from './sig-view.js';
import { sigChannel } from '../content/channels.js';

/** A group far behind the best one matched by accident (one shared word): it is not offered. */
const NEAR_BEST = 0.25;
/**
 * Below this score nothing the person said is one of a group's own terms (only a word inside a longer
 * term, like "python" in "python client"): better to ask for more than to guess.
 */
const MIN_SCORE = 4;

/** The groups worth offering: each has a reason to show, and none is a distant also-ran. */
export function worthOffering(ranked: SigRecommendation[], ctx: Ctx): { r: SigRecommendation; sig: Sig }[] {
  const best = ranked[0]?.score ?? 0;
  return ranked
    .filter((r) => r.reasons.length > 0 && r.score >= MIN_SCORE && r.score >= best * NEAR_BEST)
    .map((r) => ({ r, sig: ctx.content.sigById.get(r.sigId) }))
    .filter((x): x is { r: SigRecommendation; sig: Sig } => x.sig !== undefined);
}

/** Title of one offered group; groups of another kind than the community's main one say what they are. */
function title(sig: Sig, ctx: Ctx): string {
  return sig.kind === defaultKind(ctx.content.community)
    ? `${sig.name} (${sig.id})`
    : `${sig.name} (${sig.id} · ${ctx.t(`sig.kind_${sig.kind}`)})`;
}

export function recommendReply(
  ctx: Ctx,
  interests: string,
  isPrivate: boolean,
  picker: (first: Sig[]) => Block,
): Reply {
  const offered = worthOffering(ctx.ranking.recommend(interests, 3), ctx);
  if (offered.length === 0) return { blocks: [text(ctx.t('sig.recommend_none')), picker([])], private: isPrivate };
  const list = items(
    offered.map(({ r, sig }) => {
      const channel = sigChannel(sig, ctx.event.origin.platform);
      const lines = [sigSummary(sig, ctx), ctx.t('sig.reason', { terms: r.reasons.slice(0, 4).join(', ') })];
      if (channel) lines.push(ctx.t('sig.recommend_channel', { channel }));
      return {
        title: title(sig, ctx),
        detail: lines.join('\n'),
        button: { id: 'sig.pick', label: ctx.t('sig.button_join'), value: sig.id },
      };
    }),
  );
  return {
    blocks: [
      text(ctx.t('sig.recommend_intro')),
      list,
      divider(),
      text(ctx.t('sig.recommend_how_to_join')),
      picker(offered.map((o) => o.sig)),
    ],
    private: isPrivate,
  };
}

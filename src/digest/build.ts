// What one destination would get now: its new issues, re-checked, composed in its language (or nothing).
import type { Content } from '../content/types.js';
import type { Translate, Translator } from '../core/i18n.js';
import type { Locale, Reply } from '../core/types.js';
import { createComposer } from './compose.js';
import type { DigestTarget } from './destinations.js';
import type { FreshnessCheck } from './freshness.js';
import { createSelector, DIGEST_LIMIT, groupBySig, type Ranked } from './select.js';

/** Spares beyond the limit, so issues found taken at send time can be replaced without a second pass. */
const SPARES = 10;

export interface BuiltDigest {
  reply: Reply | null;
  issueKeys: string[];
  /** Issues claimable up to this instant were considered: the destination's next digest starts after it. */
  cutoff: Date;
  first: boolean;
}

export interface DigestBuilderInput {
  content: Content;
  translator: Translator;
  ranked: Ranked;
  cutoffs: ReadonlyMap<string, Date>;
  asOf: Date;
  freshness: FreshnessCheck;
}

export function createDigestBuilder(input: DigestBuilderInput) {
  const compose = createComposer(input.content);
  const select = createSelector(input.ranked);
  // One translator per language and platform: the composer's memos are kept per translator.
  const voices = new Map<string, Translate>();
  const voice = (locale: Locale, platform: string) => {
    const key = `${locale}:${platform}`;
    let t = voices.get(key);
    if (!t) voices.set(key, (t = input.translator.bind(locale, { platform })));
    return t;
  };
  return async function build(target: DigestTarget): Promise<BuiltDigest> {
    const previous = input.cutoffs.get(target.key) ?? null;
    const { ordered, total } = select(target.sigIds, { after: previous, until: input.asOf }, DIGEST_LIMIT + SPARES);
    const { fresh, taken } = await input.freshness.pick(ordered, DIGEST_LIMIT);
    const base = { cutoff: input.asOf, first: previous === null, issueKeys: fresh.map((i) => i.key) };
    if (fresh.length === 0) return { ...base, reply: null };
    const message = {
      kind: target.destination.kind,
      first: previous === null,
      groups: groupBySig(fresh, target.sigIds),
      more: Math.max(0, total - fresh.length - taken),
    };
    // The reply says its language, so an adapter's own words (a "trimmed" note) match the digest's.
    return {
      ...base,
      reply: { ...compose(message, voice(target.locale, target.destination.platform)), locale: target.locale },
    };
  };
}

// What a community calls its groups (SIG, team, squad), per kind and language, from community.yaml's groupKinds.
import { escapeMarkup } from '../core/markup.js';
import type { Locale } from '../core/types.js';
import type { Catalogue } from '../core/i18n.js';
import type { Community, GroupWords } from './schema.js';

/** The first kind listed: the one a group has when it names none, and the word generic sentences use. */
export function defaultKind(community: Pick<Community, 'groupKinds'>): string {
  return Object.keys(community.groupKinds)[0]!;
}

function wordsOf(community: Pick<Community, 'groupKinds'>, kind: string, locale: Locale): GroupWords {
  const words = community.groupKinds[kind] ?? community.groupKinds[defaultKind(community)]!;
  return words[locale] ?? words.en;
}

/** The word for `count` groups of this kind in this language (`SIG`, `SIGs`; `équipe`, `équipes`). */
export function groupWords(community: Pick<Community, 'groupKinds'>, kind: string, locale: Locale, count = 1): string {
  const words = wordsOf(community, kind, locale);
  return new Intl.PluralRules(locale).select(count) === 'one' ? words.one : words.other;
}

/**
 * Group words in messages: `{@group}`, `{@groups}`, `{@Group}`, `{@Groups}`. The `@` keeps them apart from
 * the parameters code fills when it sends a message (`{groups}` there is a list of names).
 */
const GROUP_WORD = /\{@(group|groups|Group|Groups)\}/g;

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/**
 * Fills the group words into a language's messages: `{@group}`, `{@groups}`, `{@Group}`, `{@Groups}` become
 * the default kind's words, and `sig.kind_<kind>` names each kind, so no message says "SIG" unless content does.
 */
export function withGroupWords(
  catalogue: Catalogue,
  community: Pick<Community, 'groupKinds'>,
  locale: Locale,
): Catalogue {
  const words = wordsOf(community, defaultKind(community), locale);
  const fill: Record<string, string> = {
    group: words.one,
    groups: words.other,
    Group: capitalise(words.one),
    Groups: capitalise(words.other),
  };
  const out: Catalogue = {};
  for (const [key, message] of Object.entries(catalogue))
    out[key] = message.replace(GROUP_WORD, (_, name: string) => escapeMarkup(fill[name]!));
  for (const kind of Object.keys(community.groupKinds)) {
    const w = wordsOf(community, kind, locale);
    out[`sig.kind_${kind}`] ??= w.long ?? w.one;
  }
  return out;
}

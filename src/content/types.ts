// The loaded, merged content the bot works from: community, SIG catalogue, FAQ and message catalogues.
import type { Catalogue } from '../core/i18n.js';
import type { Locale } from '../core/types.js';
import type { NluKnowledge } from '../nlu/knowledge.js';
import type { Community, FaqEntry, LocalizedText, Meeting, Person, SigEntry, SigKind, Subproject } from './schema.js';

export interface Sig {
  id: string;
  kind: SigKind;
  name: string;
  description: LocalizedText;
  keywords: string[];
  labels: string[];
  channels: { slack?: string; discord?: string };
  leads: Person[];
  /** Below this many free starter issues, the leads' weekly note warns (default 3). */
  min_free_issues?: number;
  meetings: Meeting[];
  subprojects: Subproject[];
  /** Mentors the content names (src/content/schema.ts); `/mentor join` adds others at run time. */
  mentors?: NonNullable<SigEntry['mentors']>;
  /** The community file's own mission statement, when imported (used for understanding, not shown). */
  mission?: string;
}

export interface Content {
  community: Community;
  sigs: Sig[];
  sigById: ReadonlyMap<string, Sig>;
  faq: FaqEntry[];
  /** Message catalogues by language, group words filled in; English is complete, others fall back to it. */
  locales: Record<Locale, Catalogue>;
  /** What check-config reports without failing: parts of an added language not translated yet. */
  warnings?: string[];
  /** What understanding knows (CONTENT_DIR/nlu/, bundled files for those left out); absent in hand-built content. */
  nlu?: NluKnowledge;
}

/** Picks the text for a locale, English when the translation is missing. */
export function localized(text: LocalizedText, locale: Locale): string {
  return text[locale] ?? text.en;
}

// How an issue is shown: its item with the claim button, its reference and link, its age, the sample and freshness notes.
import { text } from '../core/blocks.js';
import type { Translate } from '../core/i18n.js';
import { escapeMarkup, safeUrl } from '../core/markup.js';
import { clip } from '../core/plain.js';
import type { Clock } from '../core/ports.js';
import type { Block, LinkedItem, Locale } from '../core/types.js';
import type { Content } from '../content/types.js';
import type { IndexedIssue } from '../store/issues.js';
import { CLAIM_BUTTON, refOf, type IssueId } from './issue-ref.js';

/** What showing an issue needs to know about the reader: their language, and the time. */
interface Reader {
  t: Translate;
  locale: Locale;
  now: Clock;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

const formats: Partial<Record<string, Intl.RelativeTimeFormat>> = {};

/** "3 days ago" / "il y a 3 jours"; the largest whole unit, never "0 minutes". */
export function ago(at: Date | string, ctx: Pick<Reader, 'now' | 'locale'>): string {
  const ms = Math.max(0, ctx.now().getTime() - new Date(at).getTime());
  const format = (formats[ctx.locale] ??= new Intl.RelativeTimeFormat(ctx.locale, { numeric: 'auto' }));
  for (const [unit, size] of UNITS) if (ms >= size) return format.format(-Math.floor(ms / size), unit);
  return format.format(0, 'minute');
}

/** Titles come from GitHub: long ones are cut so ten issues stay within every platform's message limits. */
const TITLE_MAX = 120;

/**
 * The one way an issue is listed, in `/issues`, alternatives to a taken issue and the digest: its title
 * on one line, its link, a detail line of `parts` (markup, empty ones left out), and the claim button.
 */
export function issueLine(
  issue: IssueId & { title: string; url: string },
  parts: string[],
  claimLabel: string,
): LinkedItem {
  const url = safeUrl(issue.url);
  return {
    title: clip(issue.title.replace(/\s+/g, ' ').trim(), TITLE_MAX),
    ...(url ? { url } : {}),
    detail: parts.filter(Boolean).join(' · '),
    button: { id: CLAIM_BUTTON, label: claimLabel, value: refOf(issue), style: 'primary' },
  };
}

/** An issue in a chat reply: its reference, labels, age, group and language. */
export function issueItem(ctx: Reader & { content: Content }, issue: IndexedIssue): LinkedItem {
  const labels = issue.labels
    .slice(0, 4)
    .map((l) => escapeMarkup(l))
    .join(', ');
  const sig = issue.sigIds.map((id) => ctx.content.sigById.get(id)?.name).find(Boolean);
  const parts = [
    `\`${escapeMarkup(refOf(issue))}\``,
    labels,
    ctx.t('issues.opened', { age: ago(issue.createdAt, ctx) }),
  ];
  if (sig) parts.push(ctx.t('issues.sig', { name: sig }));
  if (issue.language) parts.push(escapeMarkup(issue.language));
  return issueLine(issue, parts, ctx.t('issues.button_claim'));
}

/** Said in every reply built on the bundled sample, so nobody mistakes it for GitHub. */
export function sampleNote(
  ctx: { t: Translate; github: { source: string } },
  key: 'issues.sample_banner' | 'claim.sample',
): Block[] {
  return ctx.github.source === 'sample' ? [text(ctx.t(key))] : [];
}

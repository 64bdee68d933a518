// What a group lead sees about their group, in /report and in the weekly lead note: free issues, newcomers, open claims.
import { items, text } from '../core/blocks.js';
import type { Translate } from '../core/i18n.js';
import { escapeMarkup } from '../core/markup.js';
import type { Block } from '../core/types.js';
import type { Person } from '../content/schema.js';
import type { Sig } from '../content/types.js';

/** Below this many free starter issues the note warns, unless the group's content says otherwise. */
export const DEFAULT_MIN_FREE_ISSUES = 3;

export interface GroupPicture {
  group: Sig;
  freeIssues: number;
  /** People who picked the group this week (a number: the note names nobody). */
  newcomers: number;
  claims: { ref: string; url: string; title: string; days: number }[];
}

const handle = (s: string) => s.replace(/^@/, '').toLowerCase();

/** Whether content names this person a lead on this platform, by user id or by handle. */
export function isLead(lead: Person, platform: string, userId: string, userName?: string): boolean {
  const named = lead.chat?.[platform];
  if (!named) return false;
  return named === userId || (userName !== undefined && handle(named) === handle(userName));
}

/** The groups whose leads include this person. */
export function groupsLedBy(groups: readonly Sig[], platform: string, userId: string, userName?: string): Sig[] {
  return groups.filter((g) => g.leads.some((l) => isLead(l, platform, userId, userName)));
}

export function leadBlocks(p: GroupPicture, t: Translate): Block[] {
  const min = p.group.min_free_issues ?? DEFAULT_MIN_FREE_ISSUES;
  const blocks: Block[] = [text(t('lead.title', { group: escapeMarkup(p.group.name) }))];
  const lines = [t('lead.free_issues', { count: p.freeIssues })];
  if (p.freeIssues < min) lines.push(t('lead.low_inventory', { min }));
  lines.push(t('lead.newcomers', { count: p.newcomers }));
  lines.push(p.claims.length > 0 ? t('lead.claims', { count: p.claims.length }) : t('lead.claims_none'));
  blocks.push(text(lines.join('\n')));
  if (p.claims.length > 0)
    blocks.push(
      items(
        p.claims.map((c) => ({
          title: c.title,
          url: c.url,
          detail: t('lead.claim_age', { ref: c.ref, days: c.days }),
        })),
      ),
    );
  return blocks;
}

// Chooses issues for one person from the cached index: free, not claimed here, their SIGs and language first, then the newest.
import { items, text } from '../core/blocks.js';
import type { Ctx } from '../core/capability.js';
import type { Block } from '../core/types.js';
import { issueKey, type IndexedIssue } from '../store/issues.js';
import type { IssueFilters } from './issue-filters.js';
import { issueItem } from './issue-view.js';

export interface Picks {
  picks: IndexedIssue[];
  /** How many free issues match the filters (before the limit). */
  matching: number;
}

export async function pickIssues(ctx: Ctx, filters: IssueFilters, limit: number, exclude: ReadonlySet<string> = new Set()): Promise<Picks> {
  const [all, claimed, mySigs] = await Promise.all([ctx.issues.list(), ctx.store.claims.allOpen(), ctx.store.subscriptions.list(ctx.user)]);
  const taken = new Set(claimed.map((c) => c.key));
  const free = all.filter((i) => !taken.has(issueKey(i)) && !exclude.has(issueKey(i)));
  const matching = free.filter(
    (i) => (!filters.sigId || i.sigIds.includes(filters.sigId)) && (!filters.language || i.language?.toLowerCase() === filters.language),
  );
  const score = (i: IndexedIssue) => (i.sigIds.some((s) => mySigs.includes(s)) ? 2 : 0) + (filters.language && i.language?.toLowerCase() === filters.language ? 1 : 0);
  // The index is already newest first, and the sort is stable: ties stay in order of freshness.
  const ranked = matching.map((i) => ({ i, s: score(i) })).sort((a, b) => b.s - a.s).map((x) => x.i);
  return { picks: ranked.slice(0, limit), matching: matching.length };
}

/** Remembers what was shown, so "#123" right after means one of these. */
export async function remember(ctx: Ctx, issues: IndexedIssue[]): Promise<void> {
  if (issues.length > 0) await ctx.store.listings.remember(ctx.user, issues, ctx.now());
}

/** Three free issues instead of one that is taken, with their claim buttons. */
export async function alternatives(ctx: Ctx, instead: IndexedIssue | { owner: string; repo: string; number: number }, sigId?: string): Promise<Block[]> {
  const exclude = new Set([issueKey(instead)]);
  let { picks } = await pickIssues(ctx, sigId ? { sigId } : {}, 3, exclude);
  if (picks.length < 3 && sigId) picks = [...picks, ...(await pickIssues(ctx, {}, 3, new Set([...exclude, ...picks.map(issueKey)]))).picks].slice(0, 3);
  if (picks.length === 0) return [text(ctx.t('claim.alternatives_none'))];
  await remember(ctx, picks);
  return [items(picks.map((i) => issueItem(ctx, i)))];
}

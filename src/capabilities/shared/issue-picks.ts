// Chooses issues for one person from the cached index: free, not claimed here, their SIGs and language first, then the newest.
import { items, text } from '../../core/blocks.js';
import type { Ctx as AnyCtx } from '../../core/capability.js';
import type {
  Catalogue,
  IndexedIssue,
  IssueId,
  IssueReader,
  ListingMemory,
  OpenClaims,
  Subscriptions,
} from '../ports.js';

/** What choosing issues for a person reads: the index, who holds what, their groups, their last listing. */
export type PickPorts = Catalogue & IssueReader & OpenClaims & Subscriptions & ListingMemory;
type Ctx = AnyCtx<PickPorts & { github: { source: string } }>;
import type { Block } from '../../core/types.js';
import { issueKey } from '../../views/issue-ref.js';
import type { IssueFilters } from './issue-filters.js';
import { issueItem } from '../../views/issue-view.js';

/** What picking needs, read once per reply however many times it picks. */
export interface Pool {
  all: IndexedIssue[];
  claimed: ReadonlySet<string>;
  mySigs: readonly string[];
}

export interface Picks {
  picks: IndexedIssue[];
  /** How many free issues match the filters (before the limit). */
  matching: number;
}

export async function loadPool(ctx: Ctx): Promise<Pool> {
  const [all, claimed, mySigs] = await Promise.all([
    ctx.index.list(),
    ctx.claims.allOpen(),
    ctx.subscriptions.list(ctx.user),
  ]);
  return { all, claimed: new Set(claimed.map((c) => c.key)), mySigs };
}

/**
 * One pass over the index (newest first), into four buckets by score — their SIG (2) and the language
 * asked for (1) — each kept only as long as the limit: linear, whatever the size of the index.
 */
export function pick(
  pool: Pool,
  filters: IssueFilters,
  limit: number,
  exclude: ReadonlySet<string> = new Set(),
): Picks {
  const buckets: IndexedIssue[][] = [[], [], [], []];
  const skipping = pool.claimed.size > 0 || exclude.size > 0;
  let matching = 0;
  for (const i of pool.all) {
    if (filters.sigId && !i.sigIds.includes(filters.sigId)) continue;
    const language =
      filters.language !== undefined && i.language !== null && i.language.toLowerCase() === filters.language;
    if (filters.language && !language) continue;
    if (skipping) {
      const key = issueKey(i);
      if (pool.claimed.has(key) || exclude.has(key)) continue;
    }
    matching += 1;
    const score =
      (pool.mySigs.length > 0 && i.sigIds.some((s) => pool.mySigs.includes(s)) ? 2 : 0) + (language ? 1 : 0);
    const bucket = buckets[score]!;
    if (bucket.length < limit) bucket.push(i);
  }
  return { picks: buckets.reverse().flat().slice(0, limit), matching };
}

/** "#123" refers to the last listing for this long; after that, the claim asks which repository. */
export const LISTING_MEMORY_MS = 24 * 3_600_000;
/** A listing shown again within this long is not written again (a read instead of a write). */
const SAME_LISTING_MS = 3_600_000;

/**
 * Remembers what was shown, so "#123" right after means one of these. With `add`, the issues join the
 * listing "#123" still refers to instead of replacing it: three alternatives to a taken issue must not
 * make the person's "#51207" from the list above unknown.
 */
export async function remember(ctx: Ctx, shown: IssueId[], options: { add?: boolean } = {}): Promise<void> {
  if (shown.length === 0) return;
  const last = await ctx.listings.last(ctx.user);
  const age = last === null ? Infinity : ctx.now().getTime() - last.at.getTime();
  const recent = last !== null && age < SAME_LISTING_MS;
  // Added to whatever listing "#123" still refers to (claim-target.ts), so none of it is forgotten.
  const issues =
    options.add && last !== null && age < LISTING_MEMORY_MS
      ? [...new Map([...last.issues, ...shown].map((i) => [issueKey(i), i])).values()]
      : shown;
  const same =
    recent && last.issues.length === issues.length && last.issues.every((l, n) => issueKey(l) === issueKey(issues[n]!));
  if (!same) await ctx.listings.remember(ctx.user, issues, ctx.now());
}

/** Three free issues instead of one that is taken, with their claim buttons. */
export async function alternatives(
  ctx: Ctx,
  instead: { owner: string; repo: string; number: number },
  sigId?: string,
): Promise<Block[]> {
  const pool = await loadPool(ctx);
  const exclude = new Set([issueKey(instead)]);
  let { picks } = pick(pool, sigId ? { sigId } : {}, 3, exclude);
  if (picks.length < 3 && sigId)
    picks = [...picks, ...pick(pool, {}, 3, new Set([...exclude, ...picks.map(issueKey)])).picks].slice(0, 3);
  if (picks.length === 0) return [text(ctx.t('claim.alternatives_none'))];
  await remember(ctx, picks, { add: true });
  return [items(picks.map((i) => issueItem(ctx, i)))];
}

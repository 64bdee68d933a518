// `/issues [sig] [language]` and "any good first issues?": up to five free issues for this person, from the cache.
import { items, text } from '../core/blocks.js';
import type { Capability, Ctx as AnyCtx } from '../core/capability.js';
import type { Github } from './ports.js';
import { UserError } from '../core/errors.js';
import { escapeMarkup } from '../core/markup.js';
import type { Block, Reply } from '../core/types.js';
import { filtersFromUnderstanding, languageName, parseFilters, type IssueFilters } from './shared/issue-filters.js';
import { loadPool, pick, remember, type PickPorts } from './shared/issue-picks.js';

/** `/issues` reads the cached index, open claims, the person's groups, and remembers what it listed. */
export type IssuesPorts = PickPorts & { github: Pick<Github['github'], 'source'> };
type Ctx = AnyCtx<IssuesPorts>;
import { ago, issueItem, sampleNote } from '../views/issue-view.js';

const SHOWN = 5;

function describe(ctx: Ctx, f: IssueFilters): string {
  const sig = f.sigId ? ctx.content.sigById.get(f.sigId)?.name : undefined;
  return [sig, f.language && languageName(f.language)]
    .filter(Boolean)
    .map((s) => `**${escapeMarkup(s!)}**`)
    .join(' + ');
}

async function freshness(ctx: Ctx): Promise<Block[]> {
  const status = await ctx.index.status();
  if (status.source === 'sample' || !status.refreshedAt) return [];
  const age = ago(status.refreshedAt, ctx);
  // Past the refresh interval is not a failure (the refresh may simply be due): only failed refreshes are blamed on GitHub.
  return [text(ctx.t(status.failing ? 'issues.stale' : 'issues.checked', { age }))];
}

async function listIssues(ctx: Ctx, filters: IssueFilters, isPrivate: boolean): Promise<Reply> {
  // Chat reads the cache and never waits: a due refresh runs in the background for the next person.
  ctx.index.refreshIfStale();
  let status = await ctx.index.status();
  // Until the first fill completes, every query adds issues as it lands: read them, not a copy from before them.
  if (status.source === 'github' && !status.refreshedAt) {
    ctx.index.invalidate();
    status = await ctx.index.status();
  }
  const partial = status.source === 'github' && !status.refreshedAt;
  const pool = await loadPool(ctx);
  let { picks, matching } = pick(pool, filters, SHOWN);
  const blocks: Block[] = [...sampleNote(ctx, 'issues.sample_banner')];
  const filtered = Boolean(filters.sigId || filters.language);
  if (picks.length === 0 && !status.refreshedAt && status.source === 'github') {
    return { blocks: [text(ctx.t('issues.first_fetch'))], private: isPrivate };
  }
  if (picks.length === 0 && filtered) {
    blocks.push(text(ctx.t('issues.none_matching', { filtersMarkup: describe(ctx, filters) })));
    // The group's issues in any language, else anything: something to start from.
    ({ picks, matching } = pick(pool, filters.sigId ? { sigId: filters.sigId } : {}, SHOWN));
    if (picks.length === 0 && filters.sigId) ({ picks, matching } = pick(pool, {}, SHOWN));
    if (picks.length > 0) blocks.push(text(ctx.t('issues.closest')));
  } else if (picks.length > 0) {
    blocks.push(
      text(
        filtered ? ctx.t('issues.intro_filtered', { filtersMarkup: describe(ctx, filters) }) : ctx.t('issues.intro'),
      ),
    );
  }
  if (picks.length === 0) {
    const link = ctx.content.community.links.issueFinder;
    blocks.push(text(ctx.t('issues.none')), ...(link ? [text(ctx.t('issues.none_link', { url: link }))] : []));
    return { blocks: [...blocks, ...(await freshness(ctx))], private: isPrivate };
  }
  await remember(ctx, picks);
  if (partial) blocks.push(text(ctx.t('issues.partial')));
  blocks.push(items(picks.map((i) => issueItem(ctx, i))));
  if (matching > picks.length) blocks.push(text(ctx.t('issues.more', { count: matching - picks.length })));
  blocks.push(text(ctx.t('issues.just_say_it', { button: ctx.t('issues.button_claim') })), ...(await freshness(ctx)));
  return { blocks, private: isPrivate };
}

export const issues: Capability<IssuesPorts> = {
  id: 'issues',
  usage: '/issues [group] [language]',
  command: [{ name: 'sig', autocomplete: 'sigs' }, { name: 'language' }],
  intents: ['find_issues'],
  actions: ['issues.list'],
  async run(input, ctx) {
    if (input.action) return listIssues(ctx, {}, true);
    if (ctx.event.kind === 'message' && ctx.understanding)
      return listIssues(ctx, filtersFromUnderstanding(ctx.understanding), false);
    const parsed = parseFilters(ctx.content, input.text);
    if (!parsed.ok) throw new UserError('issues.unknown_filter', { word: parsed.unknown });
    return listIssues(ctx, parsed.filters, true);
  },
};

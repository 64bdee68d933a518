// Reads every page of an issue search, conditionally; past GitHub's 1,000-result cap it continues from the last creation time seen.
import { issueKey } from '../store/issues.js';
import type { HttpCacheRepo } from '../store/http-cache.js';
import { cachedGet } from './cached-get.js';
import type { GithubHttp } from './client.js';
import { toSearchPage, type SearchItem, type SearchPage } from './search-items.js';

const PER_PAGE = 100;
/** GitHub returns at most this many results for one search, however many match. */
export const RESULT_CAP = 1000;

export interface SearchOutcome {
  items: SearchItem[];
  /** How many issues GitHub said match the whole query. */
  total: number;
  /** False when GitHub said its answer was incomplete, or over 1,000 issues share one creation time. */
  complete: boolean;
  requests: number;
  notModified: number;
}

export interface SearchDeps {
  http: GithubHttp;
  cache: HttpCacheRepo;
  now: () => Date;
}

/**
 * Results come oldest first, so a query over the cap is read as segments: the first 1,000, then the
 * same query from the creation time of the last issue read (`created:>=…`), and so on. Each segment
 * costs its own pages plus at most one page of overlap, and its query text stays the same from one
 * refresh to the next while the older issues do, so its ETags keep working.
 */
export async function searchAll(deps: SearchDeps, q: string): Promise<SearchOutcome> {
  const outcome: SearchOutcome = { items: [], total: 0, complete: true, requests: 0, notModified: 0 };
  const seen = new Set<string>();
  const add = (items: SearchItem[]) => {
    for (const i of items) {
      const key = issueKey(i);
      if (!seen.has(key)) seen.add(key), outcome.items.push(i);
    }
  };
  const fetchPage = async (query: string, page: number): Promise<SearchPage> => {
    const params = { q: query, per_page: PER_PAGE, page, sort: 'created', order: 'asc', advanced_search: 'true' };
    for (let attempt = 0; ; attempt++) {
      const r = await cachedGet(deps.http, deps.cache, 'GET /search/issues', params, {
        keep: toSearchPage,
        cacheable: (p) => !p.incomplete,
        now: deps.now(),
      });
      outcome.requests += 1;
      if (r.notModified) outcome.notModified += 1;
      // GitHub timed out inside: one more try, then keep what came and say the answer is incomplete.
      if (!r.value.incomplete || attempt >= 1) {
        if (r.value.incomplete) outcome.complete = false;
        return r.value;
      }
    }
  };
  let from: string | null = null;
  for (;;) {
    const query = from ? `${q} created:>=${from}` : q;
    const first = await fetchPage(query, 1);
    if (from === null) outcome.total = first.total;
    let last = first.items.at(-1);
    add(first.items);
    const pages = Math.ceil(Math.min(first.total, RESULT_CAP) / PER_PAGE);
    for (let page = 2; page <= pages; page++) {
      const next = await fetchPage(query, page);
      add(next.items);
      last = next.items.at(-1) ?? last;
      if (next.items.length < PER_PAGE && !next.incomplete) break; // fewer issues than announced: the end
    }
    if (first.total <= RESULT_CAP || !last) return outcome;
    if (last.createdAt === from) {
      outcome.complete = false; // over 1,000 issues created in the same second: the rest cannot be reached
      return outcome;
    }
    from = last.createdAt;
  }
}

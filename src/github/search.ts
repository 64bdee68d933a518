// Reads every page of an issue search, conditionally, splitting by creation date when GitHub's 1,000-result cap would cut it.
import type { HttpCacheRepo } from '../store/http-cache.js';
import { cachedGet } from './cached-get.js';
import type { GithubHttp } from './client.js';
import { toSearchPage, type SearchItem, type SearchPage } from './search-items.js';

const PER_PAGE = 100;
/** GitHub returns at most this many results for one search, however many match. */
export const RESULT_CAP = 1000;
const EPOCH = '2008-01-01';

export interface SearchOutcome {
  items: SearchItem[];
  /** How many issues GitHub said match (all ranges together). */
  total: number;
  /** False when GitHub said its answer was incomplete, or a single day still had over 1,000 results. */
  complete: boolean;
  requests: number;
  notModified: number;
}

/** Inclusive days (YYYY-MM-DD); null is open-ended. */
interface Range {
  from: string | null;
  to: string | null;
}

const DAY = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Where to cut a range in two: a year, month or day boundary near the middle, so the cut points (and
 * their cached ETags) stay the same from one refresh to the next.
 */
export function splitRange(range: Range, today: string): [Range, Range] | null {
  const lo = day(range.from ?? EPOCH);
  const hi = day(range.to ?? today);
  if (hi - lo < DAY) return null;
  const mid = new Date(lo + Math.floor((hi - lo) / DAY / 2) * DAY);
  const span = (hi - lo) / DAY;
  const candidates = [
    span > 730 ? Date.UTC(mid.getUTCFullYear(), 0, 1) : NaN,
    span > 62 ? Date.UTC(mid.getUTCFullYear(), mid.getUTCMonth(), 1) : NaN,
    mid.getTime() + DAY,
  ];
  const cut = candidates.find((c) => Number.isFinite(c) && c > lo && c <= hi)!;
  return [
    { from: range.from, to: iso(cut - DAY) },
    { from: iso(cut), to: range.to },
  ];
}

function withRange(q: string, range: Range): string {
  if (range.from === null && range.to === null) return q;
  return `${q} created:${range.from ?? '*'}..${range.to ?? '*'}`;
}

export interface SearchDeps {
  http: GithubHttp;
  cache: HttpCacheRepo;
  now: () => Date;
}

export async function searchAll(deps: SearchDeps, q: string): Promise<SearchOutcome> {
  const outcome: SearchOutcome = { items: [], total: 0, complete: true, requests: 0, notModified: 0 };
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
  const collect = async (range: Range): Promise<void> => {
    const query = withRange(q, range);
    const first = await fetchPage(query, 1);
    if (first.total > RESULT_CAP) {
      const halves = splitRange(range, iso(deps.now().getTime()));
      if (halves) {
        for (const half of halves) await collect(half);
        return;
      }
      outcome.complete = false;
    }
    outcome.total += first.total;
    outcome.items.push(...first.items);
    const pages = Math.ceil(Math.min(first.total, RESULT_CAP) / PER_PAGE);
    for (let page = 2; page <= pages; page++) {
      const next = await fetchPage(query, page);
      outcome.items.push(...next.items);
      if (next.items.length < PER_PAGE && !next.incomplete) break; // fewer issues than announced: the end
    }
  };
  await collect({ from: null, to: null });
  return outcome;
}

// One refresh of the issue index: every query read to the end (conditionally), stored, then repository languages filled in.
import type { Content } from '../content/types.js';
import type { Logger } from '../log.js';
import { repoKey } from '../store/issues.js';
import type { Store } from '../store/store.js';
import { cachedGet } from './cached-get.js';
import type { GithubHttp } from './client.js';
import { isGithubError } from './errors.js';
import { buildQueries, type IssueQuery } from './queries.js';
import { searchAll } from './search.js';
import { createSigMap, toFoundIssue } from './sig-map.js';

/** Languages change rarely: a few lookups per refresh keep even the unauthenticated 60 requests/hour safe. */
const LANGUAGE_LOOKUPS_PER_REFRESH = 20;
const LANGUAGE_RECHECK_DAYS = 30;
/** Cached responses not confirmed for this long belong to queries nobody asks any more. */
const CACHE_KEEP_DAYS = 7;

export interface QueryReport {
  query: IssueQuery;
  ok: boolean;
  found: number;
  added: number;
  removed: number;
  total: number;
  complete: boolean;
  requests: number;
  notModified: number;
  error?: string;
}

export interface RefreshReport {
  queries: QueryReport[];
  languageLookups: number;
}

export interface RefreshDeps {
  http: GithubHttp;
  store: Pick<Store, 'issues' | 'httpCache'>;
  content: Content;
  webBase: string;
  now: () => Date;
  log: Logger;
}

async function learnLanguages(deps: RefreshDeps): Promise<number> {
  const known = await deps.store.issues.repoLanguages();
  const due = (checkedAt: Date) => deps.now().getTime() - checkedAt.getTime() > LANGUAGE_RECHECK_DAYS * 86_400_000;
  const repos = [...new Map((await deps.store.issues.all()).map((i) => [repoKey(i.owner, i.repo), i])).values()].filter(
    (i) => {
      const k = known.get(repoKey(i.owner, i.repo));
      return !k || due(k.checkedAt);
    },
  );
  let looked = 0;
  for (const { owner, repo } of repos.slice(0, LANGUAGE_LOOKUPS_PER_REFRESH)) {
    try {
      const r = await cachedGet(
        deps.http,
        deps.store.httpCache,
        'GET /repos/{owner}/{repo}',
        { owner, repo },
        {
          keep: (d) => ({
            language:
              typeof (d as { language?: unknown })?.language === 'string' ? (d as { language: string }).language : null,
          }),
          now: deps.now(),
        },
      );
      looked += 1;
      await deps.store.issues.setRepoLanguage(repoKey(owner, repo), r.value.language, deps.now());
    } catch (err) {
      if (!isGithubError(err)) throw err;
      if (err.kind !== 'not_found') break; // rate limited or down: the next refresh continues
      looked += 1;
      await deps.store.issues.setRepoLanguage(repoKey(owner, repo), null, deps.now());
    }
  }
  return looked;
}

export async function refreshIndex(
  deps: RefreshDeps,
  onQuery?: (report: QueryReport, index: number, count: number) => void,
): Promise<RefreshReport> {
  const queries = buildQueries(deps.content.community.github);
  const sigs = createSigMap(deps.content);
  const reports: QueryReport[] = [];
  for (const [index, query] of queries.entries()) {
    let report: QueryReport;
    try {
      const outcome = await searchAll({ http: deps.http, cache: deps.store.httpCache, now: deps.now }, query.q);
      const found = outcome.items.map((item) => toFoundIssue(item, sigs, deps.webBase));
      const change = await deps.store.issues.saveQuery(
        query.key,
        query.q,
        found,
        { complete: outcome.complete, total: outcome.total },
        deps.now(),
      );
      report = {
        query,
        ok: true,
        found: found.length,
        ...change,
        total: outcome.total,
        complete: outcome.complete,
        requests: outcome.requests,
        notModified: outcome.notModified,
      };
    } catch (err) {
      if (!isGithubError(err)) throw err;
      await deps.store.issues.queryFailed(query.key, query.q, err.message, deps.now());
      report = {
        query,
        ok: false,
        found: 0,
        added: 0,
        removed: 0,
        total: 0,
        complete: false,
        requests: 0,
        notModified: 0,
        error: err.message,
      };
    }
    reports.push(report);
    onQuery?.(report, index, queries.length);
    deps.log.info(
      {
        query: query.q,
        ok: report.ok,
        found: report.found,
        added: report.added,
        removed: report.removed,
        requests: report.requests,
        notModified: report.notModified,
      },
      'issue query refreshed',
    );
  }
  await deps.store.issues.keepQueries(queries.map((q) => q.key));
  const languageLookups = await learnLanguages(deps);
  await deps.store.httpCache.prune(new Date(deps.now().getTime() - CACHE_KEEP_DAYS * 86_400_000));
  return { queries: reports, languageLookups };
}

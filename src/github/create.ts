// Builds the GitHub side for boot and the CLI: the live client and index, or the sample snapshot, behind the same ports.
import type { Config } from '../config/schema.js';
import type { Content } from '../content/types.js';
import type { Logger } from '../log.js';
import { throttled } from '../store/job-locks.js';
import type { Store } from '../store/store.js';
import { createGithubHttp, type GithubHttp, type GithubHttpOptions } from './client.js';
import { checkIssue, userExists } from './issue-check.js';
import { prReviewed } from './pr-reviews.js';
import { createIssueIndex } from './issue-index.js';
import { createLiveBudget } from './live-budget.js';
import type { GithubPort, IssueIndex, IssueSource } from './ports.js';
import { buildQueries } from './queries.js';
import { isAutomationAccount } from '../content/starter.js';
import { refreshIndex, type QueryReport, type RefreshReport } from './refresh-index.js';
import { createSampleGithub, createSampleIndex, loadSample } from './sample.js';
import { issueHostsOf, webBaseOf } from './web.js';

/** The job lock every refresh of the index holds, whoever starts it (the job, chat, the digest, the CLI, any replica). */
export const REFRESH_LOCK = 'issues-refresh';

export interface RefreshOptions {
  onQuery?: (report: QueryReport, index: number, count: number) => void;
  /** Only if the index is stale, as the store says once the lock is held: another replica may just have refreshed it. */
  ifDue?: boolean;
}

export interface GithubSide {
  source: IssueSource;
  github: GithubPort;
  issues: IssueIndex;
  /**
   * Refreshes the index under the refresh lock; null when nothing was refreshed (the sample, another runner
   * holding the lock, or `ifDue` and not due). Calls in one process share a run, except that a forced one
   * does not settle for a running `ifDue` one: it runs after it.
   */
  refresh(options?: RefreshOptions): Promise<RefreshReport | null>;
}

export interface CreateGithubOptions {
  config: Config;
  content: Content;
  store: Store;
  log: Logger;
  now: () => Date;
  /** Overrides ISSUES_SOURCE=auto's choice (the CLI's `issues refresh` always means GitHub). */
  source?: IssueSource;
  /** Test and bench knobs: faster budgets and backoffs against a fake GitHub. */
  http?: Partial<GithubHttpOptions>;
}

/** auto: the sample when nothing could reach GitHub usefully (no token, no chat platform: the console demo). */
export function chooseSource(config: Config): IssueSource {
  if (config.ISSUES_SOURCE !== 'auto') return config.ISSUES_SOURCE;
  return !config.GITHUB_TOKEN && !config.SLACK_BOT_TOKEN && !config.DISCORD_TOKEN ? 'sample' : 'github';
}

export async function createGithub(options: CreateGithubOptions): Promise<GithubSide> {
  const { config, content, store, log, now } = options;
  const isAutomation = (login: string) => isAutomationAccount(content.community.github, login);
  const webBase = webBaseOf(config.GITHUB_API_URL);
  const source = options.source ?? chooseSource(config);
  if (source === 'sample') {
    const sample = await loadSample(config.CONTENT_DIR, content, webBase, now());
    return {
      source,
      github: createSampleGithub(sample, webBase),
      issues: createSampleIndex(sample),
      refresh: async () => null,
    };
  }
  const http = createGithubHttp({
    baseUrl: config.GITHUB_API_URL,
    ...(config.GITHUB_TOKEN ? { token: config.GITHUB_TOKEN } : {}),
    timeoutMs: config.GITHUB_TIMEOUT_SECONDS * 1000,
    searchesPerMinute: config.GITHUB_TOKEN ? 30 : 10,
    log,
    ...options.http,
  });
  let running: { forced: boolean; done: Promise<RefreshReport | null> } | null = null;
  const index = createIssueIndex({
    store,
    refresh: () => refresh({ ifDue: true }).catch(() => null),
    queryKeys: () => buildQueries(content.community.github).map((q) => q.key),
    intervalMinutes: config.ISSUES_REFRESH_MINUTES,
    now,
    log,
  });
  async function underLock(options: RefreshOptions): Promise<RefreshReport | null> {
    const result = await store.jobLocks.withLock(REFRESH_LOCK, now, async (heartbeat) => {
      if (options.ifDue) {
        index.invalidate();
        if (!(await index.status()).stale) return null;
      }
      // Every request keeps the SQLite lease alive, so rate-limit waits never let it lapse mid-refresh.
      const beat = throttled(heartbeat, now);
      const beating: GithubHttp = {
        deadline: http.deadline,
        get: async (route, params, opts) => (await beat(), http.get(route, params, opts)),
      };
      return refreshIndex({ http: beating, store, content, webBase, now, log }, options.onQuery);
    });
    if (!result.locked) log.info('issue refresh: another runner holds the refresh lock; nothing asked of GitHub here');
    return result.locked ? result.value : null;
  }
  function refresh(options: RefreshOptions = {}): Promise<RefreshReport | null> {
    const forced = !options.ifDue;
    if (running && (running.forced || !forced)) return running.done;
    const before = running?.done.catch(() => null);
    const done: Promise<RefreshReport | null> = (async () => (await before, underLock(options)))().finally(() => {
      if (running?.done === done) running = null;
      index.invalidate();
    });
    running = { forced, done };
    return done;
  }
  const budget = createLiveBudget();
  const github: GithubPort = {
    source,
    webBase,
    issueHosts: issueHostsOf(config.GITHUB_API_URL),
    checkIssue: (id, opts) =>
      checkIssue({ http, cache: store.httpCache, now, isAutomation }, id, opts?.interactive ?? false),
    userExists: (login) => userExists({ http, cache: store.httpCache, now }, login),
    prReviewed: (pr) => prReviewed({ http, cache: store.httpCache, now }, pr),
    liveCheck: (person, at) => budget.take(person, at),
  };
  return { source, github, issues: index, refresh };
}

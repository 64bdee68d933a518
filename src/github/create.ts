// Builds the GitHub side for boot and the CLI: the live client and index, or the sample snapshot, behind the same ports.
import type { Config } from '../config/schema.js';
import type { Content } from '../content/types.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import { createGithubHttp, type GithubHttpOptions } from './client.js';
import { checkIssue, userExists } from './issue-check.js';
import { createIssueIndex } from './issue-index.js';
import type { GithubPort, IssueIndex, IssueSource } from './ports.js';
import { buildQueries } from './queries.js';
import { refreshIndex, type QueryReport, type RefreshReport } from './refresh-index.js';
import { createSampleGithub, createSampleIndex, loadSample } from './sample.js';
import { issueHostsOf, webBaseOf } from './web.js';

export interface GithubSide {
  source: IssueSource;
  github: GithubPort;
  issues: IssueIndex;
  /** Refreshes the index now (null for the sample); concurrent calls share one run. */
  refresh(onQuery?: (report: QueryReport, index: number, count: number) => void): Promise<RefreshReport | null>;
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
  const webBase = webBaseOf(config.GITHUB_API_URL);
  const source = options.source ?? chooseSource(config);
  if (source === 'sample') {
    const sample = await loadSample(config.CONTENT_DIR, content, webBase, now());
    return { source, github: createSampleGithub(sample, webBase), issues: createSampleIndex(sample), refresh: async () => null };
  }
  const http = createGithubHttp({
    baseUrl: config.GITHUB_API_URL,
    ...(config.GITHUB_TOKEN ? { token: config.GITHUB_TOKEN } : {}),
    timeoutMs: config.GITHUB_TIMEOUT_SECONDS * 1000,
    searchesPerMinute: config.GITHUB_TOKEN ? 30 : 10,
    log,
    ...options.http,
  });
  let running: Promise<RefreshReport> | null = null;
  const index = createIssueIndex({
    store,
    refresh: () => refresh().catch(() => null),
    queryKeys: () => buildQueries(content.community.github).map((q) => q.key),
    intervalMinutes: config.ISSUES_REFRESH_MINUTES,
    now,
    log,
  });
  function refresh(onQuery?: (report: QueryReport, index: number, count: number) => void): Promise<RefreshReport> {
    // One refresh at a time per process: the job, the CLI and a stale chat read share it.
    running ??= refreshIndex({ http, store, content, webBase, now, log }, onQuery).finally(() => {
      running = null;
      index.invalidate();
    });
    return running;
  }
  const github: GithubPort = {
    source,
    webBase,
    issueHosts: issueHostsOf(config.GITHUB_API_URL),
    checkIssue: (id, opts) => checkIssue({ http, cache: store.httpCache, now }, id, opts?.interactive ?? false),
    userExists: (login) => userExists(http, login),
  };
  return { source, github, issues: index, refresh };
}

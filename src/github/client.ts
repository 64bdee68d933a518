// The one place Octokit lives: throttling and retry plugins, a shared search budget, timeouts and error mapping.
import { Octokit } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics/port.js';
import { GithubError } from './errors.js';

export interface GithubHttpOptions {
  baseUrl: string;
  token?: string;
  /** Per attempt; a hung connection never holds a job or a chat reply for long. */
  timeoutMs: number;
  /** GitHub allows 30 searches a minute with a token and 10 without; every search of this process shares it. */
  searchesPerMinute: number;
  log: Logger;
  /** The longest rate-limit wait a background read accepts before giving up (seconds). */
  maxWaitSeconds?: number;
  /** Multiplies `Retry-After` and backoff delays (1000 = seconds); tests shrink it. */
  retryAfterBaseMs?: number;
  /** How long a chat reply may wait for GitHub in all (a claim's live check), default 5 s. */
  interactiveMs?: number;
  /** Counts each request to GitHub by outcome and keeps the rate-limit budget GitHub reported last. */
  metrics?: Pick<Metrics, 'githubRequest' | 'githubRateLimitRemaining'>;
}

export type HttpResult<T = unknown> =
  | { status: 200; data: T; etag: string | null; link: string | null }
  | { status: 304 };

export interface GetOptions {
  etag?: string;
  /** Chat paths answer now or not at all: no retries, no waiting on rate limits, and a deadline. */
  interactive?: boolean;
  /** A deadline shared by several requests (see `deadline()`); interactive calls get their own otherwise. */
  signal?: AbortSignal;
}

export interface GithubHttp {
  get<T = unknown>(
    route: string,
    params?: Record<string, string | number>,
    options?: GetOptions,
  ): Promise<HttpResult<T>>;
  /** The deadline of one chat reply, to share between the requests it makes. */
  deadline(): AbortSignal;
}

const GithubOctokit = Octokit.plugin(throttling, retry);

interface RequestErrorLike {
  status: number;
  message: string;
  response?: { headers?: Record<string, string>; data?: unknown };
}

function toGithubError(err: unknown): GithubError {
  const e = err as Partial<RequestErrorLike> & { name?: string };
  const status = typeof e.status === 'number' ? e.status : undefined;
  if (status === 404 || status === 410) return new GithubError('not_found', 'not found on GitHub', status);
  if (status === 401) return new GithubError('unauthorized', 'GitHub refused the token (401)', status);
  if (status === 403 || status === 429) return new GithubError('rate_limited', `GitHub rate limit (${status})`, status);
  if (status === 422 || status === 400)
    return new GithubError('invalid', `GitHub rejected the request (${status})`, status);
  const timedOut = e.name === 'TimeoutError' || /timeout|aborted/i.test(e.message ?? '');
  return new GithubError(
    'unavailable',
    timedOut ? 'GitHub did not answer in time' : `GitHub is unavailable (${status ?? 'network'})`,
    status,
  );
}

/** What one finished request counts as (`onramp_github_requests_total{outcome}`). */
export function outcomeOf(status: number | undefined, err?: { name?: string; message?: string }): string {
  if (status === 304) return 'not_modified';
  if (status !== undefined && status < 400) return 'ok';
  if (status === 403 || status === 429) return 'rate_limited';
  // Octokit reports a fetch that never answered as a 500 whose message names the abort.
  if (
    (status === undefined || status === 500) &&
    (err?.name === 'TimeoutError' || /timeout|aborted/i.test(err?.message ?? ''))
  )
    return 'timeout';
  return 'error';
}

/**
 * Octokit's request hooks, around each attempt (retries and rate-limit waits included, as GitHub sees them):
 * the outcome, and x-ratelimit-remaining whenever a response carries it (errors too, 304s as well).
 */
function countRequests(
  octokit: InstanceType<typeof GithubOctokit>,
  metrics: NonNullable<GithubHttpOptions['metrics']>,
) {
  const remaining = (headers: Record<string, unknown> | undefined) => {
    const value = Number(headers?.['x-ratelimit-remaining']);
    if (headers?.['x-ratelimit-remaining'] !== undefined && Number.isFinite(value))
      metrics.githubRateLimitRemaining(value);
  };
  octokit.hook.after('request', (response) => {
    remaining(response.headers as Record<string, unknown>);
    metrics.githubRequest(outcomeOf(response.status));
  });
  octokit.hook.error('request', (error) => {
    const e = error as {
      status?: number;
      name?: string;
      message?: string;
      response?: { headers?: Record<string, unknown> };
    };
    remaining(e.response?.headers);
    metrics.githubRequest(outcomeOf(typeof e.status === 'number' ? e.status : undefined, e));
    throw error;
  });
}

export function createGithubHttp(options: GithubHttpOptions): GithubHttp {
  const base = new URL(options.baseUrl);
  const maxWait = options.maxWaitSeconds ?? 120;
  const log = options.log;
  // Nothing but the configured API is ever requested, whatever a response or a chat message says.
  const guardedFetch: typeof fetch = (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (url.origin !== base.origin) return Promise.reject(new Error(`refusing to fetch outside ${base.origin}`));
    const timeout = AbortSignal.timeout(options.timeoutMs);
    return fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
  };
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method?: string; url?: string; request?: object },
      _o: unknown,
      retryCount: number,
    ) => {
      const interactive = (request.request as { retries?: number } | undefined)?.retries === 0;
      const retrying = !interactive && retryCount < 2 && retryAfter <= maxWait;
      log.warn(
        { kind, retryAfter, retryCount, retrying, route: `${request.method} ${request.url}` },
        'GitHub rate limit',
      );
      return retrying;
    };
  const octokit = new GithubOctokit({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    ...(options.token ? { auth: options.token } : {}),
    userAgent: 'onramp-bot',
    log: {
      debug: () => {},
      info: () => {},
      warn: (msg: string) => log.warn({ octokit: msg }),
      error: (msg: string) => log.error({ octokit: msg }),
    },
    request: { fetch: guardedFetch },
    throttle: {
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
      retryAfterBaseValue: options.retryAfterBaseMs ?? 1000,
      search: new Bottleneck.Group({ maxConcurrent: 1, minTime: Math.ceil(60_000 / options.searchesPerMinute) }),
    },
    // 429 is retried only by the throttling plugin, which waits as long as GitHub says.
    retry: {
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
      retryAfterBaseValue: options.retryAfterBaseMs ?? 1000,
    },
  });
  if (options.metrics) countRequests(octokit, options.metrics);
  const deadline = () => AbortSignal.timeout(options.interactiveMs ?? 5000);
  return {
    deadline,
    async get<T>(
      route: string,
      params: Record<string, string | number> = {},
      opts: GetOptions = {},
    ): Promise<HttpResult<T>> {
      try {
        const response = await octokit.request(route, {
          ...params,
          headers: opts.etag ? { 'if-none-match': opts.etag } : {},
          ...(opts.interactive
            ? { request: { retries: 0, signal: opts.signal ?? deadline() } }
            : opts.signal
              ? { request: { signal: opts.signal } }
              : {}),
        });
        const headers = response.headers as Record<string, string | undefined>;
        return { status: 200, data: response.data as T, etag: headers.etag ?? null, link: headers.link ?? null };
      } catch (err) {
        if ((err as { status?: number }).status === 304) return { status: 304 };
        const mapped = toGithubError(err);
        log.warn({ route, kind: mapped.kind, status: mapped.status }, 'GitHub request failed');
        throw mapped;
      }
    },
  };
}

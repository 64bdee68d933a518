// Reads Slack failures: a rate limit's wait, a response_url's status, and whether a request may have arrived.
/** Transport failures that happen before a request is sent: nothing can have been posted. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** What fetch throws (undici): a TimeoutError or AbortError, or a TypeError whose cause has the system code. */
export interface FetchFailure {
  name?: string;
  code?: string;
  message?: string;
  cause?: { code?: string };
}

/** How @slack/web-api asks its own retry loop to try again once it has waited out a 429 (WebClient.js). */
const RATE_LIMIT_WAITED = /^A rate limit was exceeded/;

/** A transport failure's code, and whether the request may have reached Slack (a timeout, a connection broken mid-way). */
export function transportFailure(original: FetchFailure | undefined): { code: string; uncertain: boolean } {
  if (original?.name === 'TimeoutError' || original?.name === 'AbortError') return { code: 'timeout', uncertain: true };
  const code = original?.cause?.code ?? original?.code ?? 'unknown';
  return { code, uncertain: !NOT_SENT.has(code) };
}

/**
 * For the Web API client's retry policy (p-retry's onFailedAttempt, where throwing stops retrying): a wait
 * for a rate limit and a failure before sending are tried again; a request Slack may have received (a
 * timeout, a broken connection, an error status) is not, since chat.postMessage has no idempotency key.
 */
export function retryOnlyUnsent(err: unknown): void {
  const e = err as { code?: string; original?: FetchFailure };
  if (e.code === 'slack_webapi_request_error' && RATE_LIMIT_WAITED.test(e.original?.message ?? '')) return;
  if (e.code === 'slack_webapi_http_error') throw err;
  if (e.code === 'slack_webapi_request_error' && transportFailure(e.original).uncertain) throw err;
}

/** The wait a rate-limited Web API call asks for (WebAPIRateLimitedError), in ms; undefined for any other failure. */
export function rateLimitWaitMs(err: unknown): number | undefined {
  const e = err as { code?: string; retryAfter?: number };
  return e.code === 'slack_webapi_rate_limited_error' ? (e.retryAfter ?? 1) * 1000 : undefined;
}

/** The HTTP status Slack answered a response_url with (Bolt's RespondError); undefined when no answer came. */
export function respondStatus(err: unknown): number | undefined {
  const e = err as { code?: string; statusCode?: number };
  return e.code === 'slack_bolt_respond_error' ? e.statusCode : undefined;
}

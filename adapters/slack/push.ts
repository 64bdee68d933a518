// Push posts (digests, reminders): one attempt each on their own client. Pacing and waiting out a 429 belong
// to the caller: the digest's delivery paces every platform and waits as long as `retryAfterMs` says.
import type { webApi } from '@slack/bolt';
import type { PostResult } from '../../src/core/index.js';
import type { SlackMessage } from './render.js';
import { rateLimitWaitMs, transportFailure, type FetchFailure } from './transport.js';

/** Slack's error code for a failed call (`channel_not_found`, `not_in_channel`, `ratelimited`, …), its wait, and whether it may have been posted. */
function slackError(err: unknown): { code: string; retryAfterMs?: number; uncertain?: true } {
  const e = err as { code?: string; statusCode?: number; data?: { error?: string }; original?: FetchFailure };
  const retryAfterMs = rateLimitWaitMs(err);
  if (retryAfterMs !== undefined) return { code: 'ratelimited', retryAfterMs };
  // A 5xx came after Slack read the request: the message may be in the channel all the same.
  if (e.code === 'slack_webapi_http_error')
    return {
      code: `http_${e.statusCode ?? 'error'}`,
      ...((e.statusCode ?? 500) >= 500 ? { uncertain: true as const } : {}),
    };
  if (e.code === 'slack_webapi_request_error') {
    const failure = transportFailure(e.original);
    return { code: `request_failed: ${failure.code}`, ...(failure.uncertain ? { uncertain: true as const } : {}) };
  }
  return { code: e.data?.error ?? e.code ?? 'request_failed' };
}

/**
 * `client` must reject rate-limited calls (`rejectRateLimitedCalls: true`), so a 429 comes back at once,
 * and must not retry (`retries: 0`): Slack's chat.postMessage has no idempotency key, so a retry after a
 * timeout or a broken connection can post the same digest twice. Such a failure is reported `uncertain`.
 * No pacing here: a second layer would wait twice for the digest. Reminders and waitlist notices need
 * none either: a few a day, each to a different person, and their job tries a failed one again.
 */
export function createPushPoster(client: webApi.WebClient) {
  return async function post(channel: string, message: SlackMessage): Promise<PostResult> {
    try {
      const sent = await client.chat.postMessage({ channel, ...message, unfurl_links: false, unfurl_media: false });
      return { ok: true, ...(sent.ts ? { messageId: sent.ts } : {}) };
    } catch (err) {
      const { code, retryAfterMs, uncertain } = slackError(err);
      return {
        ok: false,
        error: code,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
        ...(uncertain ? { uncertain } : {}),
      };
    }
  };
}

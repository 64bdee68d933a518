// Push posts (digests, reminders): their own client, at most one message per second per channel, and a 429
// pauses every push post for as long as Slack's Retry-After says.
import type { webApi } from '@slack/bolt';
import type { PostResult } from '../../src/core/index.js';
import type { SlackMessage } from './render.js';

export interface PushOptions {
  /** Slack allows about one message per second per channel. */
  perChannelMs?: number;
  /** Attempts per post when rate limited, the first included. */
  attempts?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Slack's error code for a failed call: `channel_not_found`, `not_in_channel`, `ratelimited`, … */
function slackError(err: unknown): { code: string; retryAfterMs?: number } {
  const e = err as { code?: string; retryAfter?: number; data?: { error?: string } };
  if (e.code === 'slack_webapi_rate_limited_error') return { code: 'ratelimited', retryAfterMs: (e.retryAfter ?? 1) * 1000 };
  return { code: e.data?.error ?? e.code ?? 'request_failed' };
}

/** `client` must reject rate-limited calls (`rejectRateLimitedCalls: true`) so the wait happens here, per channel. */
export function createPushPoster(client: webApi.WebClient, options: PushOptions = {}) {
  const perChannelMs = options.perChannelMs ?? 1000;
  const attempts = options.attempts ?? 3;
  const nextSlot = new Map<string, number>();
  let pausedUntil = 0;

  async function slot(channel: string) {
    const now = Date.now();
    const at = Math.max(now, nextSlot.get(channel) ?? 0);
    nextSlot.set(channel, at + perChannelMs);
    if (nextSlot.size > 10_000) for (const [k, t] of nextSlot) if (t < now) nextSlot.delete(k);
    if (at > now) await sleep(at - now);
    while (pausedUntil > Date.now()) await sleep(pausedUntil - Date.now());
  }

  return async function post(channel: string, message: SlackMessage): Promise<PostResult> {
    for (let attempt = 1; ; attempt++) {
      await slot(channel);
      try {
        const sent = await client.chat.postMessage({ channel, ...message, unfurl_links: false, unfurl_media: false });
        return { ok: true, ...(sent.ts ? { messageId: sent.ts } : {}) };
      } catch (err) {
        const { code, retryAfterMs } = slackError(err);
        if (retryAfterMs === undefined) return { ok: false, error: code };
        pausedUntil = Math.max(pausedUntil, Date.now() + retryAfterMs);
        if (attempt >= attempts) return { ok: false, error: code, retryAfterMs };
      }
    }
  };
}

// Cheap facts about people and channels (name, Slack language, channel names), cached so each costs one call.
import type { webApi } from '@slack/bolt';
import type { Known } from './inbound.js';
import { within } from '../../src/core/index.js';
import { errorField, type Log } from './log.js';
import { rateLimitWaitMs } from './transport.js';

export interface DirectoryOptions {
  /** How long an answer is reused. */
  ttlMs?: number;
  /** How long a failed lookup (missing scope, unknown id, Slack down) is remembered as "nothing known". */
  failureTtlMs?: number;
  /** A lookup slower than this is not waited for: the event goes on without it (the answer is still cached). */
  waitMs?: number;
  maxEntries?: number;
}

export interface Directory {
  person(userId: string): Promise<Known>;
  channelName(channelId: string): Promise<string | undefined>;
  /**
   * The id of a public channel, from its name (`sig-network`, with or without `#`); rejects with
   * LookupRateLimited while Slack says to wait before listing channels again.
   */
  channelId(name: string): Promise<string | undefined>;
}

/** Slack asked to wait before looking this up again; a push post reports it so its caller waits as asked. */
export class LookupRateLimited extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`Slack rate limited the lookup; retry in ${retryAfterMs} ms`);
  }
}

/** When Slack rate limited the call (the client must reject rate-limited calls), the time it said to retry. */
function retryAt(err: unknown): number | undefined {
  const wait = rateLimitWaitMs(err);
  return wait === undefined ? undefined : Date.now() + wait;
}

/**
 * `client` should be the directory's own, rejecting rate-limited calls: conversations.list is Tier 2, and
 * a client that waits out a 429 pauses every call queued on it, chat answers included if they share it.
 */
export function createDirectory(client: webApi.WebClient, log: Log, options: DirectoryOptions = {}): Directory {
  const ttlMs = options.ttlMs ?? 15 * 60_000;
  const failureTtlMs = options.failureTtlMs ?? 60_000;
  const waitMs = options.waitMs ?? 1500;
  const max = options.maxEntries ?? 5000;
  const entries = new Map<string, { until: number; value: Promise<unknown>; done: boolean }>();

  /** One call per key and period; concurrent askers share it. A rate-limited lookup is not retried before Slack's time. */
  function cached<T>(
    key: string,
    what: string,
    load: () => Promise<T>,
    fallback: (limitedUntil?: number) => T,
  ): Promise<T> {
    const hit = entries.get(key);
    if (hit && Date.now() < hit.until) return hit.value as Promise<T>;
    if (entries.size >= max) entries.delete(entries.keys().next().value!);
    const entry = { until: Date.now() + ttlMs, value: Promise.resolve(undefined as unknown), done: false };
    entry.value = load()
      .catch((err: unknown) => {
        log.warn({ err: errorField(err), lookup: what }, 'slack lookup failed');
        const limitedUntil = retryAt(err);
        entry.until = limitedUntil ?? Date.now() + failureTtlMs;
        return fallback(limitedUntil);
      })
      .finally(() => (entry.done = true));
    entries.set(key, entry);
    return entry.value as Promise<T>;
  }
  /** An answer already at hand is used as is; one still coming is waited for at most `waitMs`. */
  const inTime = <T>(key: string, value: Promise<T>, fallback: T) =>
    entries.get(key)?.done ? value : within(value, waitMs, () => fallback);

  const person = (userId: string) =>
    cached<Known>(
      `u:${userId}`,
      'users.info',
      async () => {
        const { user } = await client.users.info({ user: userId, include_locale: true });
        const name = user?.profile?.display_name || user?.real_name || user?.name;
        return { ...(name ? { userName: name } : {}), ...(user?.locale ? { locale: user.locale } : {}) };
      },
      () => ({}),
    );

  const channelName = (channelId: string) =>
    cached<string | undefined>(
      `c:${channelId}`,
      'conversations.info',
      async () => (await client.conversations.info({ channel: channelId })).channel?.name,
      () => undefined,
    );

  /** The public channels by name, or the time Slack said to ask again. */
  const channelsByName = () =>
    cached<Map<string, string> | number>(
      'channels',
      'conversations.list',
      async () => {
        const byName = new Map<string, string>();
        for await (const page of client.paginate('conversations.list', {
          types: 'public_channel',
          exclude_archived: true,
          limit: 1000,
        })) {
          for (const c of (page as { channels?: { id?: string; name?: string }[] }).channels ?? [])
            if (c.id && c.name) byName.set(c.name, c.id);
        }
        return byName;
      },
      (limitedUntil) => limitedUntil ?? new Map<string, string>(),
    );

  return {
    person: (userId) => inTime(`u:${userId}`, person(userId), {}),
    channelName: (channelId) =>
      channelId.startsWith('D')
        ? Promise.resolve(undefined)
        : inTime(`c:${channelId}`, channelName(channelId), undefined),
    async channelId(name) {
      const byName = await channelsByName();
      if (typeof byName === 'number') throw new LookupRateLimited(Math.max(0, byName - Date.now()));
      return byName.get(name.replace(/^#/, '').toLowerCase());
    },
  };
}

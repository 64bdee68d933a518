// Cheap facts about people and channels (name, Slack language, channel names), cached so each costs one call.
import type { webApi } from '@slack/bolt';
import type { Known } from './inbound.js';
import { errorField, type Log } from './log.js';

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
  /** The id of a public channel, from its name (`sig-network`, with or without `#`). */
  channelId(name: string): Promise<string | undefined>;
}

export function createDirectory(client: webApi.WebClient, log: Log, options: DirectoryOptions = {}): Directory {
  const ttlMs = options.ttlMs ?? 15 * 60_000;
  const failureTtlMs = options.failureTtlMs ?? 60_000;
  const waitMs = options.waitMs ?? 1500;
  const max = options.maxEntries ?? 5000;
  const entries = new Map<string, { until: number; value: Promise<unknown>; done: boolean }>();

  /** One call per key and period; concurrent askers share it. */
  function cached<T>(key: string, what: string, load: () => Promise<T>, fallback: T): Promise<T> {
    const hit = entries.get(key);
    if (hit && Date.now() < hit.until) return hit.value as Promise<T>;
    if (entries.size >= max) entries.delete(entries.keys().next().value!);
    const entry = { until: Date.now() + ttlMs, value: Promise.resolve(fallback as unknown), done: false };
    entry.value = load()
      .catch((err: unknown) => {
        log.warn({ err: errorField(err), lookup: what }, 'slack lookup failed');
        entry.until = Date.now() + failureTtlMs;
        return fallback;
      })
      .finally(() => (entry.done = true));
    entries.set(key, entry);
    return entry.value as Promise<T>;
  }
  /** An answer already at hand is used as is; one still coming is waited for at most `waitMs`. */
  const inTime = <T>(key: string, value: Promise<T>, fallback: T) =>
    entries.get(key)?.done ? value : Promise.race([value, new Promise<T>((resolve) => setTimeout(() => resolve(fallback), waitMs).unref())]);

  const person = (userId: string) =>
    cached<Known>(`u:${userId}`, 'users.info', async () => {
      const { user } = await client.users.info({ user: userId, include_locale: true });
      const name = user?.profile?.display_name || user?.real_name || user?.name;
      return { ...(name ? { userName: name } : {}), ...(user?.locale ? { locale: user.locale } : {}) };
    }, {});

  const channelName = (channelId: string) =>
    cached<string | undefined>(`c:${channelId}`, 'conversations.info', async () => (await client.conversations.info({ channel: channelId })).channel?.name, undefined);

  const channelsByName = () =>
    cached('channels', 'conversations.list', async () => {
      const byName = new Map<string, string>();
      for await (const page of client.paginate('conversations.list', { types: 'public_channel', exclude_archived: true, limit: 1000 })) {
        for (const c of (page as { channels?: { id?: string; name?: string }[] }).channels ?? []) if (c.id && c.name) byName.set(c.name, c.id);
      }
      return byName;
    }, new Map<string, string>());

  return {
    person: (userId) => inTime(`u:${userId}`, person(userId), {}),
    channelName: (channelId) => (channelId.startsWith('D') ? Promise.resolve(undefined) : inTime(`c:${channelId}`, channelName(channelId), undefined)),
    channelId: async (name) => (await channelsByName()).get(name.replace(/^#/, '').toLowerCase()),
  };
}

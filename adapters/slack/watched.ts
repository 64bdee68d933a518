// The newcomer channels, configured by id or by name: names are resolved to ids once at start, so a
// message there is recognised (and its channel named) without a Web API call per message.
import type { Directory } from './directory.js';
import { errorField, type Log } from './log.js';

const CHANNEL_ID = /^[CG][A-Z0-9]{6,}$/;

export interface Watched {
  /**
   * The channel's name when it is a newcomer channel ('' when configured by id alone), undefined when not.
   * Costs a (cached) conversations.info only while some configured name matched no public channel at start:
   * a private channel, or one created since.
   */
  nameOf(channelId: string): Promise<string | undefined>;
}

export async function createWatched(entries: readonly string[], directory: Directory, log: Log): Promise<Watched> {
  const byId = new Map<string, string>();
  const unresolved = new Set<string>();
  for (const entry of entries) {
    if (CHANNEL_ID.test(entry)) {
      byId.set(entry, byId.get(entry) ?? '');
      continue;
    }
    const name = entry.replace(/^#/, '').toLowerCase();
    const id = await directory.channelId(name).catch((err: unknown) => {
      log.warn(
        { err: errorField(err) },
        'slack newcomer channel names not resolved at start; looking them up per channel',
      );
      return undefined;
    });
    if (id) byId.set(id, name);
    else unresolved.add(name);
  }
  return {
    async nameOf(channelId) {
      const known = byId.get(channelId);
      if (known !== undefined || unresolved.size === 0 || channelId.startsWith('D')) return known;
      const name = await directory.channelName(channelId);
      if (name === undefined || !unresolved.has(name)) return undefined;
      byId.set(channelId, name);
      return name;
    },
  };
}

// Keeps what custom_ids point to where every replica can read it: the shared store when given, this process always.
import type { Stash, Stashed } from './custom-id.js';
import { describeError } from './context.js';
import { createMemory } from './memory.js';

/**
 * The store's side (`action_stash`). Every process logged in with the token receives every click,
 * and whichever acknowledges first answers it, so a value kept in one process only would make the
 * others say "expired" at random.
 */
export interface StashPort {
  put(entries: [key: string, value: string][]): Promise<void>;
  get(key: string): Promise<string | null>;
}

export interface Stashes {
  /** Kept before the message that refers to them is sent, so no click can arrive first. */
  keep(stash: Stash): Promise<void>;
  recall(key: string): Promise<Stashed | undefined>;
}

interface Warn {
  warn(fields: object, message: string): void;
}

const KINDS = new Set(['action', 'value', 'menu']);

function parse(raw: string): Stashed | undefined {
  try {
    const item = JSON.parse(raw) as Stashed;
    return item && typeof item === 'object' && KINDS.has(item.kind) ? item : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The process memory (least recently used dropped past `max`) also answers when the store fails, so
 * a database hiccup costs other replicas' clicks, never this one's.
 */
export function createStashes(max: number, port: StashPort | undefined, log: Warn): Stashes {
  const memory = createMemory<Stashed>(max);
  return {
    async keep(stash) {
      for (const [key, item] of stash) memory.put(key, item);
      if (!port || stash.size === 0) return;
      try {
        await port.put([...stash].map(([key, item]) => [key, JSON.stringify(item)]));
      } catch (err) {
        log.warn(
          { err: describeError(err) },
          'discord: could not store button values; other replicas will call them expired',
        );
      }
    },
    async recall(key) {
      // A key is a hash of what it stands for, so this process's copy is as good as the store's: no read needed.
      const known = memory.get(key);
      if (known || !port) return known;
      try {
        const raw = await port.get(key);
        return raw === null ? undefined : parse(raw);
      } catch (err) {
        log.warn({ err: describeError(err) }, 'discord: could not read a stored button value');
        return undefined;
      }
    },
  };
}

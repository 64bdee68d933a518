// Paces digest posts under each platform's limits and stops every sender of a platform after a 429.

export interface Clock {
  now(): Date;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface Pace {
  /** Messages started per second across the platform (the workspace-wide or global limit). */
  perSecond: number;
  /** Minimum spacing of two messages to the same destination. */
  perDestinationMs: number;
  /** Messages in flight at once, so round-trip time does not eat into the rate. */
  concurrency: number;
}

/**
 * Slack: chat.postMessage allows about one message per second per channel plus an unpublished
 * workspace-wide limit; 5 per second (300 a minute) stays under the "several hundred a minute" Slack
 * describes. Discord: 50 requests per second per bot, and a DM costs two (open the DM channel, then
 * post), so 24 DMs a second uses 48 of them; discord.js queues rather than overrun the rest.
 * Concurrency covers a round trip of up to about 400 ms at those rates.
 */
export const PACE: Record<string, Pace> = {
  slack: { perSecond: 5, perDestinationMs: 1000, concurrency: 4 },
  discord: { perSecond: 24, perDestinationMs: 1000, concurrency: 10 },
};
const FALLBACK: Pace = { perSecond: 1, perDestinationMs: 1000, concurrency: 1 };

export const paceFor = (platform: string, overrides: Record<string, Pace> = {}): Pace =>
  overrides[platform] ?? PACE[platform] ?? FALLBACK;

export interface Pacer {
  /** Waits for this platform's next free slot and for the destination's spacing, then takes them. */
  acquire(destination: string): Promise<void>;
  /** A 429 said "retry after `ms`": nobody on this platform starts before then. */
  pause(ms: number): void;
}

/**
 * Starts are spaced evenly (1/perSecond apart) rather than sent in bursts: bursts are what trigger
 * 429s, and every avoidable 429 counts against Discord's invalid-request budget. A slot is reserved
 * before sleeping, so concurrent senders queue instead of all waking for the same slot.
 */
export function createPacer(clock: Clock, pace: Pace): Pacer {
  const interval = 1000 / pace.perSecond;
  let nextSlot = 0;
  let pausedUntil = 0;
  const lastTo = new Map<string, number>();
  return {
    async acquire(destination) {
      for (;;) {
        const now = clock.now().getTime();
        const slot = Math.max(
          now,
          nextSlot,
          pausedUntil,
          (lastTo.get(destination) ?? -Infinity) + pace.perDestinationMs,
        );
        nextSlot = slot + interval;
        if (slot > now) await clock.sleep(slot - now);
        // A 429 may have arrived while this sender slept: its slot is no longer good.
        if (clock.now().getTime() >= pausedUntil) {
          lastTo.set(destination, clock.now().getTime());
          return;
        }
      }
    },
    pause(ms) {
      const until = clock.now().getTime() + Math.max(0, ms);
      pausedUntil = Math.max(pausedUntil, until);
      nextSlot = Math.max(nextSlot, pausedUntil);
    },
  };
}

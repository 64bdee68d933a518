// A rate-limited fake of Slack's and Discord's posting limits, on a virtual clock: it answers 429 when overrun.
import type { Destination, PostResult, Reply } from '../src/core/types.js';
import { destinationKey } from '../src/digest/destinations.js';
import type { Clock } from '../src/digest/pacing.js';

interface Bucket {
  tokens: number;
  at: number;
}

/** A token bucket: `capacity` requests at once, refilled at `perSecond`. */
function bucket(capacity: number, perSecond: number) {
  const b: Bucket = { tokens: capacity, at: 0 };
  return {
    take(now: number, cost: number): boolean {
      b.tokens = Math.min(capacity, b.tokens + ((now - b.at) * perSecond) / 1000);
      b.at = now;
      // Floating-point dust must not turn an exactly paced request into a 429.
      if (b.tokens + 1e-9 < cost) return false;
      b.tokens -= cost;
      return true;
    },
  };
}

export interface PlatformLimits {
  /** Requests per second for the whole app (Slack's workspace-wide posting, Discord's global limit). */
  globalPerSecond: number;
  /** Requests one message costs (a Discord DM opens its channel first: two). */
  dmCost: number;
  /** Messages per second to one channel. */
  perChannelPerSecond: number;
  latencyMs: [number, number];
}

/** The limits the fakes enforce: Slack's documented 1/s per channel and our 5/s workspace assumption; Discord's 50 requests/s. */
export const LIMITS: Record<string, PlatformLimits> = {
  slack: { globalPerSecond: 5, dmCost: 1, perChannelPerSecond: 1, latencyMs: [80, 300] },
  discord: { globalPerSecond: 50, dmCost: 2, perChannelPerSecond: 1, latencyMs: [60, 250] },
};

export interface FakeStats {
  delivered: number;
  rejected: number;
  firstAt: number;
  lastAt: number;
}

export function createRateLimitedPlatforms(clock: Clock, rnd: () => number) {
  const stats = new Map<string, FakeStats>();
  const global = new Map(Object.entries(LIMITS).map(([p, l]) => [p, bucket(l.globalPerSecond, l.globalPerSecond)]));
  const perChannel = new Map<string, ReturnType<typeof bucket>>();
  async function post(to: Destination, _reply: Reply): Promise<PostResult> {
    const limits = LIMITS[to.platform]!;
    const s =
      stats.get(to.platform) ??
      stats.set(to.platform, { delivered: 0, rejected: 0, firstAt: Infinity, lastAt: 0 }).get(to.platform)!;
    const now = clock.now().getTime();
    const key = destinationKey(to);
    const channel = perChannel.get(key) ?? perChannel.set(key, bucket(1, limits.perChannelPerSecond)).get(key)!;
    const cost = to.kind === 'user' ? limits.dmCost : 1;
    const [lo, hi] = limits.latencyMs;
    await clock.sleep(lo + rnd() * (hi - lo));
    if (!global.get(to.platform)!.take(now, cost) || !channel.take(now, 1)) {
      s.rejected += 1;
      return { ok: false, error: 'rate_limited', retryAfterMs: 1000 };
    }
    s.delivered += 1;
    s.firstAt = Math.min(s.firstAt, now);
    s.lastAt = Math.max(s.lastAt, now);
    return { ok: true, messageId: String(s.delivered) };
  }
  return { post, stats };
}

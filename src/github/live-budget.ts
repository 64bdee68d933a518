// How many live GitHub checks one person may cause from chat: a few a minute, so nobody can spend the community's allowance.

/** Live checks (a claim's issue and timeline, a /github login) one person may start per minute. */
export const LIVE_CHECKS_PER_MINUTE = 5;
const WINDOW_MS = 60_000;
/** Past this many people remembered, those idle for a minute are forgotten (memory stays bounded). */
const MAX_PEOPLE = 10_000;

export interface LiveBudget {
  /** Counts one live check for `person` and returns 0, or returns the seconds to wait (nothing counted). */
  take(person: string, now: Date): number;
}

/**
 * Kept in memory, per process: it costs no database write per check and needs no table, and what it
 * guards against, one person repeating claims on missing, closed or taken issues or trying logins,
 * is stopped as well. With several replicas a person may get this many per replica, which is still
 * a few dozen requests a minute against GitHub's 5,000 an hour.
 */
export function createLiveBudget(perMinute = LIVE_CHECKS_PER_MINUTE): LiveBudget {
  const recent = new Map<string, number[]>();
  return {
    take(person, now) {
      const at = now.getTime();
      const times = (recent.get(person) ?? []).filter((t) => at - t < WINDOW_MS && t <= at);
      if (times.length >= perMinute) {
        recent.set(person, times);
        return Math.max(1, Math.ceil((times[0]! + WINDOW_MS - at) / 1000));
      }
      times.push(at);
      recent.delete(person); // re-inserted last: the map's order is who was seen least recently
      recent.set(person, times);
      if (recent.size > MAX_PEOPLE)
        for (const [p, t] of recent) if (recent.size > MAX_PEOPLE && at - t.at(-1)! >= WINDOW_MS) recent.delete(p);
      return 0;
    },
  };
}

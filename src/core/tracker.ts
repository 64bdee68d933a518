// Work under way (answers, scheduled jobs), tracked so a stop lets it finish before the process closes the store.
import { within } from './deadline.js';

export interface Tracker {
  /** Counts `work` as under way until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Resolves when everything tracked so far, and anything tracked meanwhile, has settled. */
  idle(): Promise<void>;
  /** idle(), but never longer than `ms`: true when everything finished, false when time ran out. */
  drain(ms?: number): Promise<boolean>;
}

/**
 * How long a stopping adapter waits for answers under way: after the scheduler's 10 s (src/main.ts), still
 * within Kubernetes' default grace period (30 s before SIGKILL), leaving time to close the store.
 */
export const DRAIN_MS = 15_000;

export function createTracker(): Tracker {
  const running = new Set<Promise<unknown>>();
  const idle = async () => {
    while (running.size > 0) await Promise.allSettled([...running]);
  };
  return {
    track(work) {
      running.add(work);
      void work.then(
        () => running.delete(work),
        () => running.delete(work),
      );
      return work;
    },
    idle,
    drain: (ms = DRAIN_MS) =>
      within(
        idle().then(() => true),
        ms,
        () => false,
      ),
  };
}

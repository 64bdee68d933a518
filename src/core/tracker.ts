// Answers under way, tracked so an adapter's stop lets them finish before the process closes the store.

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
      void work.then(() => running.delete(work), () => running.delete(work));
      return work;
    },
    idle,
    async drain(ms = DRAIN_MS) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), ms);
        timer.unref(); // a stuck answer must not keep the process alive on its own
      });
      try {
        return await Promise.race([idle().then(() => true as const), late]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

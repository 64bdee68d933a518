// Deletes rows past their retention now and then, beside the calls that trigger it rather than in their way.

/**
 * `due(now)` starts a prune when `everyMs` have passed since the last one and does not wait for it: the
 * call may be on its way to an acknowledgement Slack or Discord wants within 3 s. The next call waits for
 * a prune still running, so each call sees the rows the previous prune removed. A failed prune only means
 * the next one deletes more.
 */
export function createPruner(prune: (before: Date) => Promise<number>, keepMs: number, everyMs: number) {
  let last = 0;
  let running: Promise<unknown> = Promise.resolve();
  return {
    async due(now: Date): Promise<void> {
      await running;
      if (now.getTime() - last < everyMs) return;
      last = now.getTime();
      running = prune(new Date(now.getTime() - keepMs)).catch(() => undefined);
    },
  };
}

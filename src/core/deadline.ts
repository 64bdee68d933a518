// Waits for work at most so long: past the deadline, a stand-in answer, and the work goes on unwatched.

/**
 * `work`'s result, or `late()`'s once `ms` have passed first. The timer is cleared when the work wins and
 * never keeps the process alive on its own (a stuck request must not hold up a shutdown).
 */
export async function within<T>(work: Promise<T>, ms: number, late: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(late()), ms);
    timer.unref();
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

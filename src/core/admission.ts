// Bounded work per inbox under load: a few answers at once, a short queue, and work that can no longer meet
// its platform's deadline dropped before it starts (counted, and said in the log at most once a minute).
// The limiter is a queue of a few lines rather than p-limit: src/core is a leaf and imports no package.

export type DropReason = 'past_deadline' | 'overloaded';

export interface AdmissionOptions {
  /** Answers computed at once (default 8): more only lengthens each one on a 2-core machine. */
  concurrency?: number;
  /** Answers waiting for a slot (default 256); past that a new one is dropped as `overloaded` at once. */
  maxQueued?: number;
  /** Counts one dropped answer (the metrics port's `dropped`, with the platform filled in). */
  dropped?: (reason: DropReason) => void;
  /** The throttled warning; no ids or text, only counts. */
  warn?: (fields: Record<string, unknown>, message: string) => void;
  now?: () => number;
}

export interface Admission {
  /**
   * Runs `work` once a slot is free, unless `deadline` (epoch ms) has passed by then or the queue is full.
   * True when the work ran (it may still have failed: its own errors are rethrown), false when dropped.
   */
  run(deadline: number, work: () => Promise<unknown>): Promise<boolean>;
  readonly active: number;
  readonly queued: number;
}

const REPORT_EVERY_MS = 60_000;

export function createAdmission(options: AdmissionOptions = {}): Admission {
  const concurrency = options.concurrency ?? 8;
  const waiting: (() => void)[] = [];
  let active = 0;
  /** Resolves once a slot is taken for the caller; `release` gives it to the next in line. */
  const acquire = () =>
    active < concurrency ? (active++, Promise.resolve()) : new Promise<void>((r) => waiting.push(r));
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  const maxQueued = options.maxQueued ?? 256;
  const now = options.now ?? Date.now;
  let lastReport = -Infinity;
  const since: Record<string, number> = {};

  function drop(reason: DropReason): false {
    options.dropped?.(reason);
    since[reason] = (since[reason] ?? 0) + 1;
    if (now() - lastReport >= REPORT_EVERY_MS) {
      options.warn?.(
        { dropped: { ...since }, queued: waiting.length, active },
        'overloaded: answers dropped that could no longer arrive in time',
      );
      lastReport = now();
      for (const k of Object.keys(since)) delete since[k];
    }
    return false;
  }

  return {
    get active() {
      return active;
    },
    get queued() {
      return waiting.length;
    },
    async run(deadline, work) {
      if (now() >= deadline) return drop('past_deadline');
      if (waiting.length >= maxQueued) return drop('overloaded');
      await acquire();
      try {
        // Checked again when a slot frees: the wait may have used up the platform's window.
        if (now() >= deadline) return drop('past_deadline');
        await work();
        return true;
      } finally {
        release();
      }
    },
  };
}

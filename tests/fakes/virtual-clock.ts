// A clock whose time only moves when every task is asleep: waits cost nothing, and their order is kept.
import type { Clock } from '../../src/digest/pacing.js';

export interface VirtualClock extends Clock {
  set(at: Date): void;
  /** Every sleep requested so far, in milliseconds. */
  sleeps: number[];
}

/**
 * Sleepers wake in time order. The clock jumps to the earliest one only after the event loop has
 * run everything else it can (setImmediate), so concurrent senders see a consistent timeline.
 */
export function createVirtualClock(start: Date): VirtualClock {
  let now = start.getTime();
  let seq = 0;
  const sleepers: { at: number; seq: number; wake: () => void }[] = [];
  let driving = false;
  const drive = () => {
    if (driving) return;
    driving = true;
    setImmediate(function step() {
      if (sleepers.length === 0) {
        driving = false;
        return;
      }
      sleepers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const first = sleepers[0]!;
      now = Math.max(now, first.at);
      while (sleepers.length > 0 && sleepers[0]!.at <= now) sleepers.shift()!.wake();
      setImmediate(step);
    });
  };
  const sleeps: number[] = [];
  return {
    now: () => new Date(now),
    sleeps,
    sleep(ms) {
      sleeps.push(ms);
      return new Promise<void>((wake) => {
        sleepers.push({ at: now + Math.max(0, ms), seq: seq++, wake });
        drive();
      });
    },
    set(at) {
      now = at.getTime();
    },
  };
}

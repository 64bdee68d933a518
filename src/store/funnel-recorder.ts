// Records funnel steps beside a reply, never in its way: nothing awaited, a failure logged without the person.
import type { Log } from '../core/ports.js';
import type { FunnelFacts, FunnelRepo, FunnelStep } from './funnel.js';
import type { UserKey } from './users.js';

export interface FunnelRecorder {
  /** Starts the write and returns at once; a step already kept for the person costs no write (remembered here). */
  record(step: FunnelStep, user: UserKey, facts: FunnelFacts, at: Date): void;
  /** Waits for the writes started so far (the CLI before it exits, tests before they read). */
  flush(): Promise<void>;
}

/** Enough to skip repeat writes for every active person; past it the memory starts again (a repeat write is harmless). */
const REMEMBERED = 50_000;

export function createFunnelRecorder(repo: Pick<FunnelRepo, 'record'>, log: Log): FunnelRecorder {
  const done = new Set<string>();
  const running = new Set<Promise<unknown>>();
  return {
    record(step, user, facts, at) {
      const key = `${user.platform}\u0000${user.workspaceId}\u0000${user.userId}\u0000${step}`;
      if (done.has(key)) return;
      if (done.size >= REMEMBERED) done.clear();
      done.add(key);
      const write = repo.record(user, step, facts, at).catch((err: unknown) => {
        // Forget the memo so a later event tries again; the log names the step and platform, not the person.
        done.delete(key);
        log.warn({ err, step, platform: user.platform }, 'funnel step not recorded');
      });
      running.add(write);
      void write.finally(() => running.delete(write));
    },
    async flush() {
      await Promise.all([...running]);
    },
  };
}

// Sends one destination's digest through the ledger (claim, post, record), and runs senders per platform.
import type { Destination, PostResult, Reply } from '../core/types.js';
import type { Logger } from '../log.js';
import type { DigestRepo } from '../store/digests.js';
import type { BuiltDigest } from './build.js';
import type { DigestTarget } from './destinations.js';
import type { Clock, Pacer } from './pacing.js';

export type Post = (to: Destination, reply: Reply) => Promise<PostResult>;
export type Outcome = 'sent' | 'empty' | 'failed' | 'uncertain' | 'skipped';

/** 429s waited out for one destination in one run before it is recorded as failed (and retried next run). */
export const MAX_RATE_LIMITED = 20;

export interface Sender {
  periodKey: string;
  ledger: DigestRepo;
  post: Post;
  clock: Clock;
  log: Logger;
  pacer: Pacer;
  build: (target: DigestTarget) => Promise<BuiltDigest>;
  /** Keeps the run's lock alive; called before every attempt (it throttles itself). */
  alive: () => Promise<void>;
}

export async function safePost(post: Post, to: Destination, reply: Reply): Promise<PostResult> {
  try {
    return await post(to, reply);
  } catch (err) {
    // An adapter should answer with a PostResult; one that throws is still just a failed send.
    return { ok: false, error: (err as Error).message || String(err) };
  }
}

/**
 * The row is claimed (`sending`, committed) right before the request and settled right after, so
 * the only moment a crash leaves doubt is one HTTP round trip; that row becomes `uncertain` and is
 * never sent again. Ledger errors are not caught: without a record, sending on could send twice.
 */
export async function deliverOne(s: Sender, target: DigestTarget): Promise<Outcome> {
  const built = await s.build(target);
  const now = () => s.clock.now();
  if (!built.reply) {
    await s.ledger.settle(
      s.periodKey,
      target.key,
      ['pending', 'failed'],
      { status: 'empty', cutoff: built.cutoff, issueKeys: [], error: null },
      now(),
    );
    return 'empty';
  }
  for (let limited = 0; ; ) {
    await s.pacer.acquire(target.key);
    await s.alive();
    if (!(await s.ledger.claim(s.periodKey, target.key, now()))) return 'skipped';
    const result = await safePost(s.post, target.destination, built.reply);
    if (result.ok) {
      const record = {
        status: 'sent' as const,
        cutoff: built.cutoff,
        issueKeys: built.issueKeys,
        messageId: result.messageId ?? null,
        error: null,
      };
      if (!(await s.ledger.settle(s.periodKey, target.key, ['sending'], record, now())))
        s.log.error(
          { destination: target.key, period: s.periodKey },
          'digest: a sent delivery was changed by someone else before it was recorded',
        );
      return 'sent';
    }
    if (result.retryAfterMs !== undefined && limited < MAX_RATE_LIMITED) {
      limited += 1;
      await s.ledger.settle(s.periodKey, target.key, ['sending'], { status: 'pending' }, now());
      s.log.info(
        { destination: target.key, retryAfterMs: result.retryAfterMs },
        'digest: rate limited, waiting as asked',
      );
      s.pacer.pause(result.retryAfterMs);
      continue;
    }
    if (result.uncertain) {
      // It may have been posted: as after a crash mid-send, never twice (its issues come again next week).
      await s.ledger.settle(s.periodKey, target.key, ['sending'], { status: 'uncertain', error: result.error }, now());
      s.log.warn(
        { destination: target.key, error: result.error },
        'digest: the platform may or may not have posted it; marked uncertain, not sent again',
      );
      return 'uncertain';
    }
    await s.ledger.settle(
      s.periodKey,
      target.key,
      ['sending'],
      { status: 'failed', error: result.error, failed: true },
      now(),
    );
    s.log.warn(
      { destination: target.key, error: result.error },
      'digest: delivery failed; the next run this week tries again',
    );
    return 'failed';
  }
}

/**
 * Runs `work` over `items` with `concurrency` workers. The first error stops workers from taking new
 * items; it is rethrown once those in flight have finished, so no send is left half-recorded.
 */
export async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { err: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (err) {
        failure ??= { err };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  if (failure) throw failure.err;
}

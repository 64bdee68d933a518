// Sends one journey message at most once, across crashes and replicas: the digest's delivery ledger records it first.
import type { Destination, Reply } from '../core/types.js';
import { safePost, type Post } from '../digest/deliver.js';
import { destinationKey } from '../digest/destinations.js';
import type { DigestRepo } from '../store/digests.js';
import type { Logger } from '../log.js';

export interface JourneySender {
  ledger: Pick<DigestRepo, 'plan' | 'claim' | 'settle'>;
  post: Post;
  log: Logger;
  now: () => Date;
}

/** `sent`: delivered now; `done`: recorded before (sent, in flight, or perhaps sent); `failed`: a later call tries again. */
export type SendOutcome = 'sent' | 'done' | 'failed';

/**
 * `key` names the message (`ask:<request>:<mentor>`, `pr-opened:<claim>`): its row is planned, claimed
 * (pending|failed → sending) and settled like a digest's. A runner that dies after claiming leaves the row
 * `sending`, which no later call claims again: a message may be lost to a crash, never sent twice.
 */
export async function sendOnce(s: JourneySender, key: string, to: Destination, reply: Reply): Promise<SendOutcome> {
  const period = `journey:${key}`;
  const destination = destinationKey(to);
  const targetId = to.kind === 'channel' ? to.channelId : to.userId;
  await s.ledger.plan(
    period,
    [{ destination, platform: to.platform, workspaceId: to.workspaceId, kind: to.kind, targetId }],
    s.now(),
  );
  if (!(await s.ledger.claim(period, destination, s.now()))) return 'done';
  const result = await safePost(s.post, to, reply);
  if (result.ok) {
    await s.ledger.settle(
      period,
      destination,
      ['sending'],
      { status: 'sent', messageId: result.messageId ?? null, error: null },
      s.now(),
    );
    return 'sent';
  }
  if (result.uncertain) {
    s.log.warn(
      { key: period, platform: to.platform, error: result.error },
      'journey message may have been delivered; not sent again',
    );
    await s.ledger.settle(period, destination, ['sending'], { status: 'uncertain', error: result.error }, s.now());
    return 'done';
  }
  s.log.warn({ key: period, platform: to.platform, error: result.error }, 'journey message not delivered');
  await s.ledger.settle(
    period,
    destination,
    ['sending'],
    { status: 'failed', error: result.error, failed: true },
    s.now(),
  );
  return 'failed';
}

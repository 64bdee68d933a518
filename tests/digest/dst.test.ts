// The weekly digest across daylight-saving changes in Europe/Paris: once per local week, every issue exactly once.
import { describe, expect, it } from 'vitest';
import { CLAIM_BUTTON } from '../../src/views/issue-ref.js';
import { issue } from '../fakes/digest-issues.js';
import { actionsOf } from '../helpers/test-adapter.js';
import { harness, slackChannel } from './helpers.js';

// Europe/Paris springs forward on Sunday 2026-03-29 (02:00 → 03:00) and falls back on Sunday 2026-10-25 (03:00 → 02:00).
const env = { DIGEST_TIMEZONE: 'Europe/Paris' };
const at = (iso: string) => new Date(iso);
const listed = (h: Awaited<ReturnType<typeof harness>>, n: number) =>
  actionsOf([h.rec.posts[n]!.reply])
    .filter(([id]) => id === CLAIM_BUTTON)
    .map(([, v]) => Number(v.split('#')[1]));

describe('weekly digest across daylight-saving changes (DIGEST_TIMEZONE=Europe/Paris)', () => {
  it('sends once per local week around spring-forward, and every issue exactly once', async () => {
    const h = await harness({ start: at('2026-03-23T08:00:00Z'), env, content: undefined }); // Monday 09:00 CET
    h.issues.issues = [issue(1, ['sig-network'], at('2026-03-20T10:00:00Z'))];
    await h.run();
    // Freed during the night the clocks jump, just before the next run, and just after it.
    h.issues.issues.push(
      issue(2, ['sig-network'], at('2026-03-29T01:30:00Z')),
      issue(3, ['sig-network'], at('2026-03-30T06:59:00Z')),
      issue(4, ['sig-network'], at('2026-03-30T07:30:00Z')),
    );
    h.clock.set(at('2026-03-30T07:00:00Z')); // Monday 09:00 CEST: 167 hours later
    expect((await h.run()).period).toBe('2026-W14');
    h.clock.set(at('2026-04-06T07:00:00Z'));
    await h.run();
    expect(h.rec.posts.map((p) => p.key)).toEqual([
      slackChannel('sig-network'),
      slackChannel('sig-network'),
      slackChannel('sig-network'),
    ]);
    expect([listed(h, 0), listed(h, 1), listed(h, 2)]).toEqual([[1], [3, 2], [4]]);
  });

  it('sends once when the schedule fires twice in the repeated hour of fall-back', async () => {
    const h = await harness({ start: at('2026-10-25T00:30:00Z'), env }); // 02:30 CEST
    h.issues.issues = [issue(1, ['sig-network'], at('2026-10-24T10:00:00Z'))];
    expect((await h.run()).period).toBe('2026-W43');
    h.issues.issues.push(issue(2, ['sig-network'], at('2026-10-25T01:00:00Z')));
    h.clock.set(at('2026-10-25T01:30:00Z')); // 02:30 CET, the same wall-clock time an hour later
    const again = await h.run();
    expect(again).toMatchObject({ period: '2026-W43', ran: { sent: 0 } });
    expect(h.rec.posts).toHaveLength(1);
    // The issue freed in between is not lost: it opens the next week's digest.
    h.clock.set(at('2026-11-01T01:30:00Z'));
    await h.run();
    expect(listed(h, 1)).toEqual([2]);
  });

  it('catches up after a week whose run never happened (a time inside the spring-forward gap)', async () => {
    const h = await harness({ start: at('2026-03-22T01:30:00Z'), env }); // Sunday 02:30 CET, W12
    h.issues.issues = [issue(1, ['sig-network'], at('2026-03-21T10:00:00Z'))];
    await h.run();
    // Sunday 2026-03-29 02:30 does not exist in Paris, so node-cron skips W13's run.
    h.issues.issues.push(
      issue(2, ['sig-network'], at('2026-03-25T10:00:00Z')),
      issue(3, ['sig-network'], at('2026-04-02T10:00:00Z')),
    );
    h.clock.set(at('2026-04-05T00:30:00Z')); // Sunday 02:30 CEST, W14
    expect((await h.run()).period).toBe('2026-W14');
    expect(listed(h, 1)).toEqual([3, 2]);
  });
});

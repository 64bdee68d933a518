// The weekly digest through the real Slack adapter: the App Home switch, and channel and DM digests posted once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weeklyDigest } from '../../src/jobs/weekly-digest.js';
import { createFakeIssues, issue } from '../fakes/digest-issues.js';
import { createVirtualClock } from '../fakes/virtual-clock.js';
import { shown } from '../slack/fake-slack.js';
import { startHarness, type Harness } from '../slack/harness.js';
import { asInteraction, asJson, blockAction, eventCallback, homeOpened, send } from '../slack/payloads.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const grace = { platform: 'slack', workspaceId: 'T0TEST', userId: 'U0GRACE' };
type SlackBlock = {
  elements?: { type: string; action_id: string; value?: string }[];
  accessory?: { type: string; action_id: string; value?: string };
};
const buttonsOf = (blocks: unknown) =>
  ((blocks ?? []) as SlackBlock[])
    .flatMap((b) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])])
    .filter((e) => e.type === 'button');

describe('weekly digest through the real Slack adapter (fake Slack on 127.0.0.1)', () => {
  it('turns DM digests on from the App Home switch, and the home shows the new state', async () => {
    await h.booted.deps.store.subscriptions.add(grace, 'sig-network', new Date());
    await send(h.url, asJson(eventCallback(homeOpened('U0GRACE'))));
    const [home] = await h.fake.waitFor((c) => c.method === 'views.publish' && c.body.user_id === 'U0GRACE');
    const view = home!.body.view as { blocks: unknown };
    const toggle = buttonsOf(view.blocks).find((b) => b.value === 'on' && b.action_id.startsWith('digest.dm'))!;
    expect(toggle).toBeDefined();

    await send(
      h.url,
      asInteraction(blockAction({ action_id: toggle.action_id, value: 'on' }, { user: 'U0GRACE', home: true })),
    );
    const [dm] = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'U0GRACE');
    expect(shown(dm!)).toMatch(/every week you'll get a direct message/);
    expect(await h.booted.deps.store.digests.dmOn(grace)).toBe(true);
    const published = await h.fake.waitFor((c) => c.method === 'views.publish' && c.body.user_id === 'U0GRACE', 2);
    expect(shown(published[1]!)).toMatch(/Weekly digest by direct message: on/);
    expect(shown(published[1]!)).toMatch(/Stop weekly digests/);
  });

  it("posts a SIG channel's digest by the channel's name and a person's by DM, each once", async () => {
    const clock = createVirtualClock(new Date('2026-11-30T09:00:00Z'));
    const issues = createFakeIssues([
      issue(42, ['sig-network'], new Date('2026-11-29T09:00:00Z'), {
        title: 'Document <!here> handling in kube-proxy',
      }),
      issue(43, ['sig-docs'], new Date('2026-11-29T09:00:00Z')),
    ]);
    const job = { issues, clock, post: h.outbox.post.bind(h.outbox), platforms: ['slack' as const] };
    const before = h.fake.of('chat.postMessage').length;
    const report = await weeklyDigest(h.booted.deps, job);
    // sig-network is the one SIG channel this fake workspace has; the others are recorded as not found.
    const sent = h.fake.of('chat.postMessage').slice(before);
    expect(sent.map((c) => c.body.channel).sort()).toEqual(['C0NETWORK', 'U0GRACE']);
    expect(report.ran.sent).toBe(2);
    const channel = sent.find((c) => c.body.channel === 'C0NETWORK')!;
    expect(shown(channel)).toMatch(/New this week in \*?Network|Ready for you in \*?Network/);
    expect(shown(channel)).not.toMatch(/<!here>/);
    expect(
      buttonsOf(channel.body.blocks).some(
        (b) => b.action_id.startsWith('claim') && b.value === 'kubernetes/kubernetes#42',
      ),
    ).toBe(true);
    const rows = await h.booted.deps.store.digests.deliveries(report.period);
    expect(rows.find((r) => r.targetId === 'sig-docs')).toMatchObject({
      status: 'failed',
      error: 'channel_not_found',
      attempts: 1,
    });

    const again = await weeklyDigest(h.booted.deps, job);
    expect(again.ran).toMatchObject({ sent: 0, failed: 1 }); // only the missing channel is tried again
    expect(h.fake.of('chat.postMessage').length).toBe(before + 2);
  });
});

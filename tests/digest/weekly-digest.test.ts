// The weekly digest as readers see it: per SIG channel and per DM, languages, limits, hostile titles, nothing twice.
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/core/i18n.js';
import { markupToPlain, parseMarkup } from '../../src/core/markup.js';
import { replyToPlain } from '../../src/core/plain.js';
import type { Reply } from '../../src/core/types.js';
import { createComposer, DIGEST_TOGGLE_ACTION } from '../../src/digest/compose.js';
import { CLAIM_BUTTON } from '../../src/views/issue-ref.js';
import { MAX_ATTEMPTS } from '../../src/jobs/weekly-digest.js';
import { issue } from '../fakes/digest-issues.js';
import { realContent } from '../helpers/deps.js';
import { actionsOf } from '../helpers/test-adapter.js';
import { startTestBot } from '../helpers/test-bot.js';
import { harness, person, slackChannel, slackUser } from './helpers.js';

const monday = new Date('2026-11-30T09:00:00Z'); // 2026-W49
const week = 7 * 86_400_000;
const hoursBefore = (at: Date, h: number) => new Date(at.getTime() - h * 3_600_000);
const claimButtons = (reply: Reply) =>
  actionsOf([reply])
    .filter(([id]) => id === CLAIM_BUTTON)
    .map(([, v]) => v);

describe('weekly digest', () => {
  it('posts each SIG channel its new issues in the default language, with a claim button each', async () => {
    const h = await harness({ start: monday });
    h.issues.issues = [
      issue(1, ['sig-network'], hoursBefore(monday, 5)),
      issue(2, ['sig-docs'], hoursBefore(monday, 30)),
    ];
    const report = await h.run();
    expect(report).toMatchObject({ period: '2026-W49', status: 'done', ran: { sent: 2, empty: 1 } });
    expect(h.rec.posts.map((p) => p.key).sort()).toEqual([slackChannel('sig-docs'), slackChannel('sig-network')]);
    const network = h.rec.posts.find((p) => p.key === slackChannel('sig-network'))!;
    expect(network.to).toEqual({ platform: 'slack', workspaceId: '*', kind: 'channel', channelId: 'sig-network' });
    expect(network.text).toMatch(/Ready for you in Network/);
    expect(network.text).toContain('Issue 1');
    expect(network.text).toMatch(/Just say you want to work on it/);
    expect(claimButtons(network.reply)).toEqual(['kubernetes/kubernetes#1']);
    expect(actionsOf([network.reply]).some(([id]) => id === DIGEST_TOGGLE_ACTION)).toBe(false);
    // Pressing it in chat starts a claim on that issue.
    const { adapter } = await startTestBot();
    expect((await adapter.click(CLAIM_BUTTON, claimButtons(network.reply)[0]!)).text).toMatch(
      /\(kubernetes\/kubernetes#1\) is yours to try/,
    );
  });

  it("words each platform's digest with that platform's command names, in one run", async () => {
    const content = await realContent();
    const translator = createTranslator(content.locales, { commandNames: { slack: { sig: '/k8s-sig' } } });
    const compose = createComposer(content);
    const message = {
      kind: 'user' as const,
      first: false,
      groups: [{ sigId: 'sig-network', issues: [issue(1, ['sig-network'], monday)] }],
      more: 0,
    };
    const slack = replyToPlain(compose(message, translator.bind('en', { platform: 'slack' })));
    const discord = replyToPlain(compose(message, translator.bind('en', { platform: 'discord' })));
    expect(slack).toContain('/k8s-sig digest off');
    expect(discord).toContain('/sig digest off');
    expect(discord).not.toContain('k8s-sig');
  });

  it('leaves out issues someone here has already claimed, as /issues does', async () => {
    const h = await harness({ start: monday });
    h.issues.issues = [
      issue(1, ['sig-network'], hoursBefore(monday, 5)),
      issue(2, ['sig-network'], hoursBefore(monday, 6)),
    ];
    await h.store.claims.open(
      person('U9'),
      {
        owner: 'Kubernetes',
        repo: 'kubernetes',
        number: 1,
        title: 'Issue 1',
        url: 'https://github.com/kubernetes/kubernetes/issues/1',
        sigId: 'sig-network',
      },
      hoursBefore(monday, 1),
    );
    await h.run();
    const network = h.rec.posts.find((p) => p.key === slackChannel('sig-network'))!;
    expect(claimButtons(network.reply)).toEqual(['kubernetes/kubernetes#2']);
    expect(network.text).not.toContain('Issue 1');
  });

  it('sends nothing twice in the same week, however often it runs', async () => {
    const h = await harness({ start: monday });
    h.issues.issues = [issue(1, ['sig-network'], hoursBefore(monday, 5))];
    await h.run();
    h.issues.issues.push(issue(2, ['sig-network'], monday));
    h.clock.set(new Date(monday.getTime() + 3 * 86_400_000));
    const again = await h.run();
    expect(again.ran).toMatchObject({ sent: 0, empty: 0 });
    expect(h.rec.posts).toHaveLength(1);
  });

  it('sends a person who opted in one DM grouped by SIG, with a way to stop, in their language', async () => {
    const h = await harness({ start: monday });
    const ada = person('U1');
    const zoe = person('U2');
    for (const p of [ada, zoe]) {
      await h.store.subscriptions.add(p, 'sig-network', monday);
      await h.store.subscriptions.add(p, 'sig-docs', monday);
      await h.store.digests.setDm(p, true, monday);
    }
    await h.store.users.setLocale(zoe, 'fr', monday);
    h.issues.issues = [
      issue(1, ['sig-network'], hoursBefore(monday, 5)),
      issue(2, ['sig-docs'], hoursBefore(monday, 6)),
    ];
    await h.run();
    const dm = h.rec.posts.find((p) => p.key === slackUser('U1'))!;
    expect(dm.to).toEqual({ platform: 'slack', workspaceId: 'T1', kind: 'user', userId: 'U1' });
    expect(dm.text).toMatch(/Your first weekly digest[\s\S]*Network[\s\S]*Issue 1[\s\S]*Docs[\s\S]*Issue 2/);
    expect(claimButtons(dm.reply)).toEqual(['kubernetes/kubernetes#1', 'kubernetes/kubernetes#2']);
    expect(actionsOf([dm.reply])).toContainEqual([DIGEST_TOGGLE_ACTION, 'off']);
    const french = h.rec.posts.find((p) => p.key === slackUser('U2'))!;
    expect(french.text).toMatch(/Votre premier résumé hebdomadaire/);
    expect(french.reply.locale).toBe('fr');
    expect(french.text).toMatch(/Dites simplement que vous voulez y travailler/);
    const frenchItems = french.reply.blocks.flatMap((b) => (b.type === 'items' ? b.items : []));
    expect(frenchItems.map((i) => i.button?.label)).toEqual(["Je veux m'en occuper", "Je veux m'en occuper"]);
    // Channels keep the community's language whatever their readers chose.
    expect(h.rec.posts.find((p) => p.key === slackChannel('sig-network'))!.text).toMatch(/Ready for you in Network/);
  });

  it('writes channels in DEFAULT_LOCALE when the community chose French', async () => {
    const h = await harness({ start: monday, env: { DEFAULT_LOCALE: 'fr' } });
    h.issues.issues = [issue(1, ['sig-node'], hoursBefore(monday, 5))];
    await h.run();
    expect(h.rec.posts[0]!.text).toMatch(/Prêtes pour vous dans Node/);
  });

  it('lists at most ten, best first, and says how many more there are', async () => {
    const h = await harness({ start: monday });
    h.issues.issues = Array.from({ length: 14 }, (_, i) => issue(100 + i, ['sig-network'], hoursBefore(monday, i + 1)));
    await h.run();
    const post = h.rec.posts[0]!;
    expect(claimButtons(post.reply)).toEqual(Array.from({ length: 10 }, (_, i) => `kubernetes/kubernetes#${100 + i}`));
    expect(post.text).toMatch(/…and 4 more new this week: see them all/);
  });

  it('keeps hostile titles and labels from becoming markup, and cuts very long titles', async () => {
    const h = await harness({ start: monday });
    const hostile = '<!channel> **urgent** [click](https://evil.example) ' + 'x'.repeat(300);
    h.issues.issues = [
      issue(1, ['sig-network'], hoursBefore(monday, 1), {
        title: hostile,
        labels: ['good first issue', '[x](https://evil.example)'],
      }),
    ];
    await h.run();
    const blocks = h.rec.posts[0]!.reply.blocks;
    const item = blocks.flatMap((b) => (b.type === 'items' ? b.items : []))[0]!;
    // Titles travel as plain text (renderers escape them); they never reach a markup block.
    expect(item.title).toHaveLength(120);
    expect(item.title.endsWith('…')).toBe(true);
    expect(blocks.some((b) => b.type === 'text' && b.text.includes('evil'))).toBe(false);
    // Labels go into markup, escaped: nothing in the detail line parses as a link or bold.
    expect(parseMarkup(item.detail!).map((t) => t.kind)).not.toContain('link');
    expect(markupToPlain(item.detail!)).toContain('[x](https://evil.example)');
  });

  it('gives each destination only what became claimable since its previous digest, and posts nothing in an empty week', async () => {
    const h = await harness({ start: monday });
    h.issues.issues = [issue(1, ['sig-network'], hoursBefore(monday, 5))];
    await h.run();
    expect(h.rec.posts).toHaveLength(1);

    // Week 2: nothing became free anywhere: no posts at all.
    h.clock.set(new Date(monday.getTime() + week));
    const empty = await h.run();
    expect(empty).toMatchObject({ period: '2026-W50', status: 'done', ran: { sent: 0, empty: 3 } });
    expect(h.rec.posts).toHaveLength(1);

    // Week 3: one new issue; the one already announced is not repeated.
    h.issues.issues.push(issue(2, ['sig-network'], new Date(monday.getTime() + week + 3_600_000)));
    h.clock.set(new Date(monday.getTime() + 2 * week));
    await h.run();
    const third = h.rec.posts[1]!;
    expect(third.text).toMatch(/New this week in Network: 1 issue/);
    expect(claimButtons(third.reply)).toEqual(['kubernetes/kubernetes#2']);
  });

  it('leaves out an issue assigned between the refresh and the send, and lists the next best instead', async () => {
    const h = await harness({ start: monday });
    h.issues.issues = Array.from({ length: 11 }, (_, i) => issue(i + 1, ['sig-network'], hoursBefore(monday, i + 1)));
    h.issues.taken.add('kubernetes/kubernetes#2'); // GitHub now says assigned; the index does not know yet
    await h.run();
    const listed = claimButtons(h.rec.posts[0]!.reply);
    expect(listed).not.toContain('kubernetes/kubernetes#2');
    expect(listed).toHaveLength(10);
    expect(listed).toContain('kubernetes/kubernetes#11');
    expect(h.rec.posts[0]!.text).not.toMatch(/more new this week/);
  });

  it('posts nothing when every new issue was taken meanwhile', async () => {
    const h = await harness({ start: monday });
    h.issues.issues = [issue(1, ['sig-network'], hoursBefore(monday, 1))];
    h.issues.taken.add('kubernetes/kubernetes#1');
    const report = await h.run();
    expect(h.rec.posts).toHaveLength(0);
    expect(report.ledger).toEqual({ empty: 3 });
  });

  it("keeps the index's word when GitHub cannot be asked", async () => {
    const h = await harness({ start: monday });
    h.issues.issues = [issue(1, ['sig-network'], hoursBefore(monday, 1))];
    h.issues.failRecheck = true;
    await h.run();
    expect(claimButtons(h.rec.posts[0]!.reply)).toEqual(['kubernetes/kubernetes#1']);
    expect(h.deps.logLines.some((l) => String(l.msg).includes('re-check failed'))).toBe(true);
  });

  it('honours Retry-After through a storm of 429s and still delivers everything once', async () => {
    const h = await harness({ start: monday });
    const people = Array.from({ length: 12 }, (_, i) => person(`U${i}`));
    for (const p of people) {
      await h.store.subscriptions.add(p, 'sig-node', monday);
      await h.store.digests.setDm(p, true, monday);
    }
    h.issues.issues = [
      issue(1, ['sig-node'], hoursBefore(monday, 1)),
      issue(2, ['sig-network'], hoursBefore(monday, 1)),
      issue(3, ['sig-docs'], hoursBefore(monday, 1)),
    ];
    let calls = 0;
    h.rec.respond = () =>
      ++calls % 3 === 0 ? { ok: true } : { ok: false, error: 'ratelimited', retryAfterMs: 1500 + (calls % 5) * 1000 };
    const report = await h.run();
    expect(report).toMatchObject({ status: 'done', ran: { sent: 15, failed: 0 } });
    expect(new Set(h.rec.posts.map((p) => p.key)).size).toBe(15);
    expect(h.rec.posts).toHaveLength(15);
    // After each 429, no attempt on the platform starts before Retry-After has passed.
    const early = h.rec.attempts.flatMap((a, i) => {
      const wait = a.result.ok ? undefined : a.result.retryAfterMs;
      return wait === undefined
        ? []
        : h.rec.attempts
            .slice(i + 1)
            .filter((b) => b.at < a.at + wait)
            .map((b) => `${b.at - a.at} ms after a ${wait} ms Retry-After`);
    });
    expect(early).toEqual([]);
    expect(h.rec.attempts.filter((a) => !a.result.ok).length).toBeGreaterThan(15);
    expect(Math.max(...h.clock.sleeps)).toBeGreaterThanOrEqual(1500);
  });

  it('does not let one failing destination stop the others, and retries it in a later run of the same week', async () => {
    const h = await harness({ start: monday });
    h.issues.issues = SIG_ISSUES();
    h.rec.respond = (to) =>
      to.kind === 'channel' && to.channelId === 'sig-docs' ? { ok: false, error: 'channel_not_found' } : { ok: true };
    const first = await h.run();
    expect(first).toMatchObject({ status: 'incomplete', ran: { sent: 2, failed: 1 } });
    h.rec.respond = () => ({ ok: true });
    h.clock.set(new Date(monday.getTime() + 3_600_000));
    const second = await h.run();
    expect(second).toMatchObject({ status: 'done', ran: { sent: 1 } });
    expect(
      [slackChannel('sig-docs'), slackChannel('sig-network'), slackChannel('sig-node')].map((k) => h.rec.count(k)),
    ).toEqual([1, 1, 1]);
  });

  it(`stops retrying a destination after ${MAX_ATTEMPTS} failed attempts`, async () => {
    const h = await harness({ start: monday });
    h.issues.issues = [issue(1, ['sig-docs'], hoursBefore(monday, 1))];
    h.rec.respond = () => ({ ok: false, error: 'not_in_channel' });
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      h.clock.set(new Date(monday.getTime() + i * 3_600_000));
      await h.run();
    }
    expect(h.rec.attempts.filter((a) => a.key === slackChannel('sig-docs'))).toHaveLength(MAX_ATTEMPTS);
    const rows = await h.store.digests.deliveries('2026-W49');
    expect(rows.find((r) => r.destination === slackChannel('sig-docs'))).toMatchObject({
      status: 'failed',
      attempts: MAX_ATTEMPTS,
      error: 'not_in_channel',
    });
    expect((await h.run()).status).toBe('done');
  });

  it('records an adapter that throws as a failed send, not a crash', async () => {
    const h = await harness({ start: monday });
    h.issues.issues = SIG_ISSUES();
    h.job.post = async (to, reply) => {
      if (to.kind === 'channel' && to.channelId === 'sig-node') throw new Error('socket hang up');
      return h.rec.post(to, reply);
    };
    const report = await h.run();
    expect(report.ran).toMatchObject({ sent: 2, failed: 1 });
    const rows = await h.store.digests.deliveries('2026-W49');
    expect(rows.find((r) => r.destination === slackChannel('sig-node'))?.error).toBe('socket hang up');
  });

  it('skips someone who turned DM digests off after the week was planned', async () => {
    const h = await harness({ start: monday });
    const ada = person('U1');
    await h.store.subscriptions.add(ada, 'sig-node', monday);
    await h.store.digests.setDm(ada, true, monday);
    h.issues.issues = [issue(1, ['sig-node'], hoursBefore(monday, 1))];
    h.rec.respond = (to) => (to.kind === 'user' ? { ok: false, error: 'ratelimited-forever' } : { ok: true });
    await h.run();
    await h.store.digests.setDm(ada, false, monday);
    h.rec.respond = () => ({ ok: true });
    const again = await h.run();
    expect(again.ran.cancelled).toBe(1);
    expect(h.rec.count(slackUser('U1'))).toBe(0);
  });

  it('sends nothing to platforms it cannot post to, and nothing for people with no groups', async () => {
    const h = await harness({ start: monday, platforms: [] });
    await h.store.digests.setDm(person('U1'), true, monday);
    h.issues.issues = SIG_ISSUES();
    expect((await h.run()).ledger).toEqual({});
    const withSlack = await harness({ start: monday });
    await withSlack.store.digests.setDm(person('U1'), true, monday);
    withSlack.issues.issues = SIG_ISSUES();
    const report = await withSlack.run();
    expect(report.ledger).toEqual({ sent: 3, empty: 1 });
    expect(withSlack.rec.count(slackUser('U1'))).toBe(0);
  });

  it('covers Discord channels and DMs alongside Slack, each platform paced on its own', async () => {
    const h = await harness({ start: monday, platforms: ['slack', 'discord'] });
    const bob = person('42', 'discord', 'G1');
    await h.store.subscriptions.add(bob, 'sig-network', monday);
    await h.store.digests.setDm(bob, true, monday);
    h.issues.issues = SIG_ISSUES();
    await h.run();
    expect(h.rec.posts.map((p) => p.key).sort()).toEqual(
      [
        'discord/*/#sig-docs',
        'discord/*/#sig-network',
        'discord/*/#sig-node',
        'discord/G1/@42',
        ...['sig-docs', 'sig-network', 'sig-node'].map(slackChannel),
      ].sort(),
    );
  });

  it('plans every configured platform, and leaves what this runner cannot reach to one that can', async () => {
    const h = await harness({ start: monday, platforms: ['slack', 'discord'] });
    h.issues.issues = SIG_ISSUES();
    h.job.reachable = ['slack'];
    const first = await h.run();
    expect(first).toMatchObject({ status: 'incomplete', ran: { sent: 3 }, ledger: { sent: 3, pending: 3 } });
    expect(h.rec.posts.every((p) => p.to.platform === 'slack')).toBe(true);
    h.job.reachable = ['slack', 'discord'];
    const second = await h.run();
    expect(second).toMatchObject({ status: 'done', ran: { sent: 3 }, ledger: { sent: 6 } });
    expect(h.rec.posts.filter((p) => p.to.platform === 'discord')).toHaveLength(3);
  });

  it('leaves the work to the runner holding the lock', async () => {
    const h = await harness({ start: monday });
    h.issues.issues = SIG_ISSUES();
    const inner = await h.store.jobLocks.withLock(
      'weekly-digest',
      () => monday,
      () => h.run(),
    );
    expect(inner).toMatchObject({ locked: true, value: { status: 'busy' } });
    expect(h.rec.posts).toHaveLength(0);
  });
});

function SIG_ISSUES() {
  return [
    issue(1, ['sig-network'], hoursBefore(monday, 2)),
    issue(2, ['sig-docs'], hoursBefore(monday, 3)),
    issue(3, ['sig-node'], hoursBefore(monday, 4)),
  ];
}

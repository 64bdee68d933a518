// Group leads: /report for leads only, and the weekly lead note on a virtual clock (once per period, warnings, opt-in).
import { describe, expect, it } from 'vitest';
import type { Content } from '../../src/content/types.js';
import type { Destination, PostResult, Reply } from '../../src/core/types.js';
import { replyToPlain } from '../../src/core/plain.js';
import { leadNotes } from '../../src/jobs/lead-notes.js';
import type { FoundIssue } from '../../src/store/issues.js';
import { leadSources } from '../../src/wiring/ports.js';
import { realContent, testDeps } from '../helpers/deps.js';
import { startTestBot } from '../helpers/test-bot.js';

const dora = { userId: 'U9', userName: 'dora' }; // leads SIG Docs, named by user id
const nina = { userId: 'U10', userName: 'nina' }; // leads SIG Network, named by handle
const ada = { userId: 'U1', userName: 'Ada' };

async function leadContent(): Promise<Content> {
  const base = await realContent();
  const sigs = base.sigs.map((s) => {
    if (s.id === 'sig-docs') return { ...s, leads: [{ name: 'Dora', github: 'dora', chat: { test: 'U9' } }] };
    if (s.id === 'sig-network')
      return { ...s, leads: [{ name: 'Nina', github: 'nina', chat: { test: '@Nina' } }], min_free_issues: 2 };
    return s;
  });
  return { ...base, sigs, sigById: new Map(sigs.map((s) => [s.id, s])) };
}

const issue = (repo: string, number: number, sig: string): FoundIssue => ({
  owner: 'kubernetes',
  repo,
  number,
  title: `${sig} starter ${number}`,
  url: `https://github.com/kubernetes/${repo}/issues/${number}`,
  labels: ['good first issue'],
  sigIds: [sig],
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-01T00:00:00Z',
});

async function world() {
  let at = new Date('2026-11-30T08:00:00Z'); // a Monday
  const clock = { now: () => at, set: (d: string) => void (at = new Date(d)) };
  const deps = await testDeps({ content: await leadContent(), now: clock.now });
  const found = [
    issue('website', 1, 'sig-docs'),
    issue('website', 2, 'sig-docs'),
    issue('kubernetes', 3, 'sig-network'),
    issue('kubernetes', 4, 'sig-network'),
  ];
  await deps.store.issues.saveQuery('q1', 'is:issue', found, { complete: true, total: found.length }, clock.now());
  const { adapter } = await startTestBot({ deps });
  const posts: { to: Destination; reply: Reply }[] = [];
  const post = async (to: Destination, reply: Reply): Promise<PostResult> => (posts.push({ to, reply }), { ok: true });
  const run = () => leadNotes({ ...deps, sources: leadSources(deps), post });
  return { deps, adapter, clock, posts, run };
}

const to = (p: { to: Destination }) => (p.to.kind === 'user' ? p.to.userId : p.to.channelId);

describe('/report', () => {
  it('is for leads: everyone else is told so politely', async () => {
    const { adapter } = await world();
    expect((await adapter.command('report', '', ada)).text).toMatch(/\/report is for group leads/);
  });

  it("shows a lead their group's free issues, newcomers and open claims, and switches the weekly note", async () => {
    const w = await world();
    await w.adapter.click('sig.pick', 'sig-docs', ada);
    await w.adapter.click('claim', 'kubernetes/website#1', ada);
    w.clock.set('2026-12-02T08:00:00Z');
    const said = await w.adapter.command('report', '', dora);
    expect(said.text).toMatch(/Docs\*?\*? this week/);
    expect(said.text).toMatch(/Free starter issues now: 1/);
    expect(said.text).toMatch(/Fewer than 3 free starter issues/);
    expect(said.text).toMatch(/Newcomers who picked the group this week: 1/);
    expect(said.text).toMatch(/kubernetes\/website#1, claimed 2 days ago/);
    expect(said.text).not.toMatch(/Network/);
    // Named by handle on this platform, whatever the case.
    expect((await w.adapter.command('report', '', nina)).text).toMatch(/Network\*?\*? this week/);
    expect((await w.adapter.click('report.note', 'on:sig-docs', dora)).text).toMatch(/weekly lead note for Docs/);
    // A button for a group one does not lead changes nothing.
    await w.adapter.click('report.note', 'on:sig-network', dora);
    expect(await w.deps.store.leadNotes.all()).toEqual([
      { user: { platform: 'test', workspaceId: 'W1', userId: 'U9' }, group: 'sig-docs', locale: 'en' },
    ]);
  });
});

describe('the weekly lead note', () => {
  it('goes once per group per period to the leads who opted in, with the low-inventory warning', async () => {
    const w = await world();
    expect(await w.run()).toMatchObject({ sent: 0 }); // nobody opted in: nothing at all
    await w.adapter.click('report.note', 'on:sig-docs', dora);
    w.clock.set('2026-11-30T09:00:00Z');
    expect(await w.run()).toEqual({ period: 'lead-note:2026-W49', sent: 1, failed: 0, skipped: 0 });
    expect(w.posts.map(to)).toEqual(['U9']);
    const note = replyToPlain(w.posts[0]!.reply);
    expect(note).toMatch(/Free starter issues now: 2/);
    expect(note).toMatch(/Fewer than 3 free starter issues/);
    // Later the same week: nothing twice.
    w.clock.set('2026-12-03T09:00:00Z');
    expect(await w.run()).toMatchObject({ sent: 0, skipped: 1 });
    // Nina opts in for Network: 2 free issues meet its threshold of 2, so no warning.
    await w.adapter.click('report.note', 'on:sig-network', nina);
    w.clock.set('2026-12-07T09:00:00Z');
    expect(await w.run()).toMatchObject({ period: 'lead-note:2026-W50', sent: 2 });
    expect(w.posts.map(to)).toEqual(['U9', 'U9', 'U10']);
    const network = replyToPlain(w.posts[2]!.reply);
    expect(network).toMatch(/Free starter issues now: 2/);
    expect(network).not.toMatch(/Fewer than/);
  });
});

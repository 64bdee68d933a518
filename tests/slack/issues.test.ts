// Slack end to end: /issues with a claim button each, escaped titles, the click that claims, App Home's claim.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGithub, type FakeGithub } from '../github/fake-github.js';
import { shown } from './fake-slack.js';
import { startHarness, type Harness } from './harness.js';
import { asForm, asInteraction, asJson, blockAction, command, eventCallback, homeOpened, send } from './payloads.js';

let h: Harness;
let github: FakeGithub;
beforeAll(async () => {
  github = await startFakeGithub();
  github.addIssue('kubernetes/website', 11, {
    title: 'Docs: explain static pods',
    labels: ['good first issue', 'sig/docs'],
  });
  github.addIssue('kubernetes/kubernetes', 21, {
    title: 'kube-proxy: <!channel> log line @here & <@U0ADA>',
    labels: ['good first issue', 'sig/network'],
  });
  github.setRepo('kubernetes/website', 'HTML');
  github.setRepo('kubernetes/kubernetes', 'Go');
  h = await startHarness({
    env: { GITHUB_API_URL: github.url, GITHUB_TOKEN: 'ghp_test_token', ISSUES_SOURCE: 'github' },
  });
  await h.booted.githubSide.refresh();
});
afterAll(async () => {
  await h?.close();
  await github?.close();
});

const answerTo = (id: string) => h.fake.answerTo(id);
type Element = { type: string; action_id: string; value?: string };

describe('Slack: /issues → a claim button → the claim', () => {
  it('lists free issues with a button each, escapes their titles, and claims the one clicked', async () => {
    await send(h.url, asForm(command('/issues', '', h.fake.responseUrl('issues'), { user: 'U0ADA' })));
    const list = await answerTo('issues');
    expect(list.body.response_type).toBe('ephemeral');
    expect(shown(list)).toContain('Docs: explain static pods');
    expect(shown(list)).toContain('kube-proxy: &lt;!channel&gt; log line @\u200bhere &amp; &lt;@U0ADA&gt;');
    expect(shown(list)).not.toMatch(/<[!@]|@here/);

    const blocks = list.body.blocks as { accessory?: Element; elements?: Element[] }[];
    const claimButtons = blocks
      .flatMap((b) => [b.accessory, ...(b.elements ?? [])])
      .filter((e): e is Element => e?.type === 'button' && /^claim~/.test(e.action_id));
    expect(claimButtons.map((b) => b.value).sort()).toEqual(['kubernetes/kubernetes#21', 'kubernetes/website#11']);
    const docs = claimButtons.find((b) => b.value === 'kubernetes/website#11')!;

    await send(
      h.url,
      asInteraction(
        blockAction(
          { action_id: docs.action_id, value: docs.value! },
          { responseUrl: h.fake.responseUrl('claim'), user: 'U0ADA' },
        ),
      ),
    );
    const claimed = await answerTo('claim');
    expect(claimed.body.response_type).toBe('ephemeral');
    expect(shown(claimed)).toMatch(/is yours to try/);
    expect(shown(claimed)).toMatch(/\/assign/);
    const open = await h.booted.deps.store.claims.openFor({
      platform: 'slack',
      workspaceId: 'T0TEST',
      userId: 'U0ADA',
    });
    expect(open.map((c) => c.key)).toEqual(['kubernetes/website#11']);
  });

  it('shows the open claim in App Home', async () => {
    await send(h.url, asJson(eventCallback(homeOpened('U0ADA'))));
    const [home] = await h.fake.waitFor((c) => c.method === 'views.publish' && c.body.user_id === 'U0ADA');
    expect(shown(home!)).toContain('kubernetes/website#11');
  });
});

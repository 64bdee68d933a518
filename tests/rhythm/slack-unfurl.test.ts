// Slack unfurls of GitHub issue links: each status as onramp knows it, only the community's repositories, and the button claims.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGithub, type FakeGithub } from '../github/fake-github.js';
import type { Call } from '../slack/fake-slack.js';
import { startHarness, type Harness } from '../slack/harness.js';
import { asInteraction, asJson, blockAction, eventCallback, send, TEAM } from '../slack/payloads.js';
import { parseIssueUrl } from '../../src/wiring/issue-unfurl.js';

let h: Harness;
let github: FakeGithub;
const FREE = 'https://github.com/kubernetes/website/issues/11';
const TO_CLAIM = 'https://github.com/kubernetes/kubernetes/issues/21';
const ASSIGNED = 'https://github.com/kubernetes/kubernetes/issues/31';
const WITH_PR = 'https://github.com/kubernetes/kubernetes/issues/41';
const OUTSIDE = 'https://github.com/torvalds/linux/issues/1';

beforeAll(async () => {
  github = await startFakeGithub();
  github.addIssue('kubernetes/website', 11, {
    title: 'Docs: explain static pods',
    labels: ['good first issue', 'sig/docs'],
  });
  github.addIssue('kubernetes/kubernetes', 21, {
    title: 'kube-proxy: <!channel> log line',
    labels: ['good first issue', 'sig/network'],
  });
  github.assign(
    github.addIssue('kubernetes/kubernetes', 31, { title: 'Taken already', labels: ['good first issue', 'sig/node'] }),
    'alice',
  );
  github.linkPr(
    github.addIssue('kubernetes/kubernetes', 41, { title: 'Fixed soon', labels: ['good first issue', 'sig/network'] }),
    'bob',
  );
  github.addIssue('torvalds/linux', 1, { title: 'Not ours' });
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

let ts = 1000;
async function share(
  urls: string[],
  user = 'U0ADA',
): Promise<
  Record<string, { blocks: { text?: { text: string }; elements?: { action_id: string; value: string }[] }[] }>
> {
  const messageTs = `${++ts}.000100`;
  const links = urls.map((url) => ({ domain: 'github.com', url }));
  await send(
    h.url,
    asJson(
      eventCallback({
        type: 'link_shared',
        channel: 'C0RANDOM1',
        user,
        message_ts: messageTs,
        source: 'conversations_history',
        unfurl_id: `C0RANDOM1.${messageTs}.x`,
        links,
        event_ts: messageTs,
      }),
    ),
  );
  const [call] = (await h.fake.waitFor(
    (c: Call) => c.method === 'chat.unfurl' && String(c.body.unfurl_id).includes(messageTs),
  )) as Call[];
  return call!.body.unfurls as never;
}
const textOf = (u: { blocks: { text?: { text: string } }[] }) => u.blocks.map((b) => b.text?.text ?? '').join('\n');

describe('Slack unfurls of GitHub issue links', () => {
  it('shows free, assigned and pull request open, with the group, and leaves other links to Slack', async () => {
    const unfurls = await share([FREE, ASSIGNED, WITH_PR, OUTSIDE, 'https://github.com/kubernetes/kubernetes/pull/41']);
    expect(Object.keys(unfurls).sort()).toEqual([ASSIGNED, FREE, WITH_PR].sort());
    expect(textOf(unfurls[FREE]!)).toMatch(/Free:.*\n.*Group: Docs/);
    expect(textOf(unfurls[ASSIGNED]!)).toContain('Assigned on GitHub* to `alice`');
    expect(textOf(unfurls[WITH_PR]!)).toContain('A pull request is open');
    expect(textOf(unfurls[WITH_PR]!)).toContain('Group: Network');
    const buttons = (u: (typeof unfurls)[string]) => u.blocks.flatMap((b) => b.elements ?? []);
    expect(buttons(unfurls[FREE]!).map((b) => b.value)).toEqual(['kubernetes/website#11']);
    expect(buttons(unfurls[ASSIGNED]!)).toEqual([]);
  });

  it('claims from the unfurl button through the normal claim flow, then unfurls the issue as claimed here', async () => {
    const first = await share([TO_CLAIM]);
    expect(textOf(first[TO_CLAIM]!)).toContain('&lt;!channel&gt;');
    const button = first[TO_CLAIM]!.blocks.flatMap((b) => b.elements ?? [])[0]!;
    await send(
      h.url,
      asInteraction(
        blockAction(
          { action_id: button.action_id, value: button.value },
          { responseUrl: h.fake.responseUrl('unfurl-claim'), user: 'U0GRACE' },
        ),
      ),
    );
    const answer = await h.fake.answerTo('unfurl-claim');
    expect(JSON.stringify(answer.body.blocks)).toMatch(/is yours to try/);
    const open = await h.booted.deps.store.claims.openFor({ platform: 'slack', workspaceId: TEAM, userId: 'U0GRACE' });
    expect(open.map((c) => c.key)).toEqual(['kubernetes/kubernetes#21']);

    const again = await share([TO_CLAIM], 'U0ADA');
    expect(textOf(again[TO_CLAIM]!)).toMatch(/Claimed here\* this minute: someone in this community/);
    expect(again[TO_CLAIM]!.blocks.flatMap((b) => b.elements ?? [])).toEqual([]);
  });

  it('reads only strict GitHub issue addresses: look-alike hosts, ports, credentials and odd paths are not issues', () => {
    const hosts = ['github.com'];
    expect(parseIssueUrl('https://github.com/kubernetes/kubernetes/issues/21', hosts)).toEqual({
      owner: 'kubernetes',
      repo: 'kubernetes',
      number: 21,
    });
    expect(
      parseIssueUrl('https://www.github.com/kubernetes/kubernetes/issues/21/#issuecomment-1', hosts),
    ).not.toBeNull();
    for (const bad of [
      'https://github.com.evil.example/kubernetes/kubernetes/issues/21',
      'https://evil.example/github.com/kubernetes/kubernetes/issues/21',
      'http://github.com/kubernetes/kubernetes/issues/21',
      'https://github.com:8443/kubernetes/kubernetes/issues/21',
      'https://user:pw@github.com/kubernetes/kubernetes/issues/21',
      'https://github.com/kubernetes/kubernetes/issues/21/events',
      'https://github.com/kubernetes/../issues/21',
      'https://github.com/kubernetes/kubernetes/issues/99999999999',
      'javascript:alert(1)//github.com/a/b/issues/1',
    ])
      expect(parseIssueUrl(bad, hosts), bad).toBeNull();
  });
});

// Claiming an issue: the live check, the step to take (Prow /assign or a comment), guardrails, bad input, /github.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Content } from '../../src/content/types.js';
import type { FakeGithub } from '../github/fake-github.js';
import { botSetup } from '../github/setup.js';
import { realContent } from '../helpers/deps.js';
import { actionsOf } from '../helpers/test-adapter.js';

let fake: FakeGithub | undefined;
afterEach(async () => fake?.close());

const ada = { userId: 'U1', userName: 'Ada' };
const bob = { userId: 'U2', userName: 'Bob' };
const cleo = { userId: 'U3', userName: 'Cleo' };

async function world(options: Parameters<typeof botSetup>[0] = {}) {
  const s = await botSetup(options);
  fake = s.fake;
  const f = s.fake;
  const issues = {
    docs: f.addIssue('kubernetes/website', 11, {
      title: 'Docs: explain static pods',
      labels: ['good first issue', 'sig/docs'],
    }),
    net: f.addIssue('kubernetes/kubernetes', 21, {
      title: 'kube-proxy: clearer log line',
      labels: ['good first issue', 'sig/network'],
    }),
    node: f.addIssue('kubernetes/kubernetes', 22, {
      title: 'kubelet: tidy eviction tests',
      labels: ['good first issue', 'sig/node'],
    }),
    kind1: f.addIssue('kubernetes-sigs/kind', 41, { title: 'Show the node image' }),
    kind2: f.addIssue('kubernetes-sigs/kind', 42, { title: 'Mention podman' }),
    pr: f.addIssue('kubernetes/kubernetes', 23, { title: 'A pull request', isPull: true }),
  };
  await s.side.refresh();
  s.fake.reset();
  const claims = () => s.deps.store.claims.allOpen();
  return { ...s, issues, claims };
}

const claimButtons = (replies: Parameters<typeof actionsOf>[0]) => actionsOf(replies).filter(([id]) => id === 'claim');

describe('claiming a free issue', () => {
  it('checks it live, gives the /assign step in a Prow organisation with the link and the SIG channel, and records the claim', async () => {
    const s = await world();
    const said = await s.adapter.click('claim', 'kubernetes/website#11', ada);
    expect(said.text).toMatch(/Docs: explain static pods \(kubernetes\/website#11\) is yours to try!/);
    expect(said.text).toMatch(
      new RegExp(`open kubernetes/website#11 \\(${s.fake.url}/kubernetes/website/issues/11\\) and comment /assign`),
    );
    expect(said.text).toMatch(/Ask in #sig-docs/);
    expect(said.text).toMatch(/I'll check in with you in 7 days/);
    expect(said.text).toMatch(/\/github your-login/);
    expect(s.fake.requests.map((r) => r.path)).toEqual([
      '/repos/kubernetes/website/issues/11',
      '/repos/kubernetes/website/issues/11/timeline',
    ]);
    expect((await s.claims()).map((c) => [c.user.userId, c.key, c.sigId])).toEqual([
      ['U1', 'kubernetes/website#11', 'sig-docs'],
    ]);
  });

  it('records the claim of someone who commented /assign first (their login is the assignee); refuses others', async () => {
    const s = await world();
    s.fake.addUser('ada-l');
    await s.adapter.command('github', 'ada-l', ada);
    s.fake.assign(s.issues.net, 'Ada-L');
    expect((await s.adapter.say('I want to work on kubernetes/kubernetes#21', bob)).text).toMatch(/already assigned/);
    expect((await s.adapter.say('I want to work on kubernetes/kubernetes#21', ada)).text).toMatch(
      /kube-proxy: clearer log line \(kubernetes\/kubernetes#21\) is yours to try/,
    );
    expect((await s.claims()).map((c) => [c.user.userId, c.key])).toEqual([['U1', 'kubernetes/kubernetes#21']]);
  });

  it('gives the comment step where no bot reads claim commands', async () => {
    const real = await realContent();
    const content: Content = {
      ...real,
      community: {
        ...real.community,
        github: {
          ...real.community.github,
          claim: {
            default: { step: 'comment' },
            rules: [{ for: ['kubernetes'], step: 'command', command: '/assign' }],
          },
        },
      },
    };
    const s = await world({ content });
    const said = await s.adapter.click('claim', 'kubernetes-sigs/kind#41', ada);
    expect(said.text).toMatch(/leave a comment saying you'd like to work on it/);
    expect(said.text).not.toMatch(/\/assign/);
  });

  it('never sends someone to a help channel of the other platform: on Discord without one there, it says to ask on the issue', async () => {
    const real = await realContent();
    const content: Content = {
      ...real,
      community: {
        ...real.community,
        channels: { ...real.community.channels, help: { slack: 'kubernetes-contributors' } },
      },
    };
    const s = await world({ content });
    const unowned = s.fake.addIssue('kubernetes/kubernetes', 24, { title: 'No SIG label yet' });
    const said = await s.adapter.click('claim', `kubernetes/kubernetes#${unowned.number}`, {
      ...ada,
      platform: 'discord',
    });
    expect(said.text).toMatch(/is yours to try/);
    expect(said.text).not.toMatch(/#kubernetes-contributors/);
    expect(said.text).toMatch(/Say so in a comment on the issue/);
  });

  it('on Discord, names the Discord help channel rather than a SIG channel that exists only on Slack', async () => {
    const real = await realContent();
    const sigs = real.sigs.map((sig) => (sig.id === 'sig-docs' ? { ...sig, channels: { slack: 'sig-docs' } } : sig));
    const content: Content = { ...real, sigs, sigById: new Map(sigs.map((sig) => [sig.id, sig])) };
    const s = await world({ content });
    const said = await s.adapter.click('claim', 'kubernetes/website#11', { ...ada, platform: 'discord' });
    expect(said.text).toMatch(/is yours to try/);
    expect(said.text).not.toMatch(/#sig-docs/);
    expect(said.text).toMatch(new RegExp(`#${real.community.channels.help.discord}`));
  });

  it('understands "I want to work on owner/repo#n", an issue URL, and "#n" right after a listing', async () => {
    const s = await world({ env: { CLAIM_MAX_OPEN: '3' } });
    expect((await s.adapter.say('I want to work on kubernetes/kubernetes#21', ada)).text).toMatch(/is yours to try/);
    expect((await s.adapter.say('can I take https://github.com/kubernetes/kubernetes/issues/22 ?', ada)).text).toMatch(
      /kubelet: tidy eviction tests .* is yours/,
    );
    await s.adapter.command('issues', '', ada);
    expect((await s.adapter.say('I want to work on #42', ada)).text).toMatch(
      /Mention podman \(kubernetes-sigs\/kind#42\) is yours/,
    );
    expect((await s.claims()).map((c) => c.number).sort()).toEqual([21, 22, 42]);
    // Just the number, picked from the list: the same.
    await s.adapter.command('issues', '', bob);
    expect((await s.adapter.say('#41', bob)).text).toMatch(/Show the node image \(kubernetes-sigs\/kind#41\) is yours/);
  });

  it('asks which repository for a bare "#n" with no listing to refer to', async () => {
    const s = await world();
    expect((await s.adapter.say('I want to work on #42', ada)).text).toMatch(/Which repository is #42 in\?/);
    expect(s.fake.requests).toEqual([]);
  });

  it('asks for the GitHub login only once', async () => {
    const s = await world({ env: { CLAIM_MAX_OPEN: '3' } });
    expect((await s.adapter.click('claim', 'kubernetes/website#11', ada)).text).toMatch(/\/github your-login/);
    expect((await s.adapter.click('claim', 'kubernetes/kubernetes#21', ada)).text).not.toMatch(/\/github your-login/);
  });

  it('reminds the claimer of the step when they claim the same issue again', async () => {
    const s = await world();
    await s.adapter.click('claim', 'kubernetes/website#11', ada);
    const again = await s.adapter.click('claim', 'kubernetes/website#11', ada);
    expect(again.text).toMatch(/You already said you'd work on kubernetes\/website#11/);
    expect(again.text).toMatch(/comment \/assign/);
  });
});

describe('guardrails', () => {
  it.each([
    [
      'assigned on GitHub',
      (s: Awaited<ReturnType<typeof world>>) => s.fake.assign(s.issues.net, 'someone'),
      /already assigned to someone on GitHub/,
    ],
    [
      'linked to a pull request',
      (s: Awaited<ReturnType<typeof world>>) => s.fake.linkPr(s.issues.net, 'someone'),
      /already has an open pull request/,
    ],
    ['closed', (s: Awaited<ReturnType<typeof world>>) => void (s.issues.net.state = 'closed'), /already closed/],
  ])(
    'declines an issue %s since the last refresh, kindly, with three free alternatives',
    async (_name, change, message) => {
      const s = await world();
      change(s);
      const said = await s.adapter.click('claim', 'kubernetes/kubernetes#21', ada);
      expect(said.text).toMatch(message);
      const offered = claimButtons(said.replies);
      expect(offered).toHaveLength(3);
      expect(offered.map(([, v]) => v)).not.toContain('kubernetes/kubernetes#21');
      expect(await s.claims()).toEqual([]);
      // Nobody is offered it again.
      expect((await s.adapter.command('issues')).text).not.toContain('kube-proxy: clearer log line');
    },
  );

  it('keeps the list shown before the alternatives: "#n" from it still means that issue', async () => {
    const s = await world();
    const listed = await s.adapter.command('issues', '', ada);
    expect(listed.text).toContain('kubernetes/website#11');
    s.clock.advance(3 * 60); // minutes: past the hour in which a listing is not stored again
    s.fake.assign(s.issues.net, 'someone');
    const declined = await s.adapter.say('I want to work on kubernetes/kubernetes#21', ada);
    expect(declined.text).toMatch(/already assigned/);
    expect(claimButtons(declined.replies).map(([, v]) => v)).not.toContain('kubernetes/website#11');
    expect((await s.adapter.say('I want to work on #11', ada)).text).toMatch(
      /Docs: explain static pods \(kubernetes\/website#11\) is yours/,
    );
  });

  it('holds one open claim per person by default, and more when configured', async () => {
    const s = await world();
    await s.adapter.click('claim', 'kubernetes/website#11', ada);
    const second = await s.adapter.click('claim', 'kubernetes/kubernetes#21', ada);
    expect(second.text).toMatch(/You're already working on 1 issue: kubernetes\/website#11/);
    expect(actionsOf(second.replies)).toEqual([['claim.release', 'kubernetes/website#11']]);
    expect((await s.claims()).length).toBe(1);
  });

  it("a double click claims once and tells the second click it is already yours, never a waitlist of one's own claim", async () => {
    const s = await world();
    const both = await Promise.all([
      s.adapter.click('claim', 'kubernetes/website#11', ada),
      s.adapter.click('claim', 'kubernetes/website#11', ada),
    ]);
    expect(both.filter((r) => /is yours to try/.test(r.text))).toHaveLength(1);
    expect(both.filter((r) => /You already said you'd work on kubernetes\/website#11/.test(r.text))).toHaveLength(1);
    expect(both.some((r) => /waitlist/.test(r.text))).toBe(false);
    expect(await s.deps.store.waitlist.next({ owner: 'kubernetes', repo: 'website', number: 11 })).toBeNull();
    expect((await s.claims()).length).toBe(1);
  });

  it('keeps CLAIM_MAX_OPEN when two issues are claimed at the same moment', async () => {
    const s = await world();
    const both = await Promise.all([
      s.adapter.click('claim', 'kubernetes/website#11', ada),
      s.adapter.click('claim', 'kubernetes/kubernetes#21', ada),
    ]);
    expect((await s.claims()).length).toBe(1);
    expect(both.filter((r) => /is yours to try/.test(r.text))).toHaveLength(1);
    expect(both.filter((r) => /You're already working on 1 issue/.test(r.text))).toHaveLength(1);
  });

  it('puts others asking for a claimed issue on its waitlist, in order, with free alternatives', async () => {
    const s = await world();
    await s.adapter.click('claim', 'kubernetes/website#11', ada);
    const b = await s.adapter.click('claim', 'kubernetes/website#11', bob);
    expect(b.text).toMatch(/Someone here already said they'd work on kubernetes\/website#11 .*waitlist \(position 1\)/);
    expect(claimButtons(b.replies)).toHaveLength(3);
    expect((await s.adapter.click('claim', 'kubernetes/website#11', cleo)).text).toMatch(/position 2/);
    expect((await s.adapter.click('claim', 'kubernetes/website#11', bob)).text).toMatch(
      /already on the waitlist for kubernetes\/website#11 \(position 1\)/,
    );
  });

  it('releases on "I give up on #n", says someone is waiting, and the issue can be claimed again', async () => {
    const s = await world();
    await s.adapter.click('claim', 'kubernetes/website#11', ada);
    await s.adapter.click('claim', 'kubernetes/website#11', bob);
    const gaveUp = await s.adapter.say('I give up on #11', ada);
    expect(gaveUp.text).toMatch(/kubernetes\/website#11 is free again/);
    expect(gaveUp.text).toMatch(/comment \/unassign there too/);
    expect(gaveUp.text).toMatch(/Someone is waiting for it/);
    expect(await s.claims()).toEqual([]);
    expect((await s.adapter.click('claim', 'kubernetes/website#11', bob)).text).toMatch(/is yours to try/);
  });

  it('releases only on an explicit first-person give-up: "no longer" in a claim or a question frees nothing', async () => {
    const s = await world();
    await s.adapter.say('I want to work on kubernetes/website#11', ada);
    const asked = await s.adapter.command('claim', "I'd like this one, the previous assignee no longer replies", ada);
    expect(asked.text).not.toMatch(/free again/);
    expect((await s.claims()).map((c) => c.key)).toEqual(['kubernetes/website#11']);
    const other = await s.adapter.say(
      'kubernetes/kubernetes#21 is no longer assigned to anyone, can I work on it?',
      bob,
    );
    expect(other.text).toMatch(/kube-proxy: clearer log line \(kubernetes\/kubernetes#21\) is yours to try/);
    expect((await s.adapter.say('je laisse tomber la #11', ada)).text).toMatch(
      /kubernetes\/website#11 est de nouveau libre/,
    );
    expect((await s.claims()).map((c) => c.key)).toEqual(['kubernetes/kubernetes#21']);
  });

  it('asks which claim to give up when the give-up names none, with a button for each, and releases nothing yet', async () => {
    const s = await world();
    await s.adapter.click('claim', 'kubernetes/website#11', ada);
    const said = await s.adapter.command('claim', "I'm dropping it, sorry", ada);
    expect(said.text).toMatch(/Which one do you want to give up\?/);
    expect(actionsOf(said.replies)).toEqual([['claim.release', 'kubernetes/website#11']]);
    expect((await s.claims()).length).toBe(1);
    expect((await s.adapter.command('claim', 'give up', ada)).text).toMatch(/Which one do you want to give up\?/);
    // Said in a message, with no number: the same question, in the language it was said in.
    const plain = await s.adapter.say('I give up', ada);
    expect(plain.text).toMatch(/Which one do you want to give up\?/);
    expect(actionsOf(plain.replies)).toEqual([['claim.release', 'kubernetes/website#11']]);
    expect((await s.adapter.say('je laisse tomber', cleo)).text).toMatch(/Vous n'avez pris aucune issue/);
    // Give-up words inside another request are that request.
    const asking = await s.adapter.say("I'm dropping by to ask: any good first issues?", ada);
    expect(asking.text).not.toMatch(/Which one do you want to give up/);
    expect(asking.text).toMatch(/Good first issues that are free right now/);
    expect((await s.adapter.command('claim', 'give up kubernetes/website#11', ada)).text).toMatch(/is free again/);
  });

  it('gives up through /claim mine and its button, and says when there is nothing to give up', async () => {
    const s = await world();
    expect((await s.adapter.command('claim', 'mine', ada)).text).toMatch(/haven't claimed an issue/);
    await s.adapter.click('claim', 'kubernetes/website#11', ada);
    const mine = await s.adapter.command('claim', 'mine', ada);
    expect(mine.text).toMatch(/working on 1 issue/);
    expect(actionsOf(mine.replies)).toEqual([['claim.release', 'kubernetes/website#11']]);
    expect((await s.adapter.click('claim.release', 'kubernetes/website#11', ada)).text).toMatch(/is free again/);
    expect((await s.adapter.say('I give up on #11', ada)).text).toMatch(/haven't claimed an issue/);
  });

  it("reads a busy issue's newest timeline page: a pull request linked after 250 comments makes it taken", async () => {
    const s = await world();
    for (let i = 0; i < 250; i++)
      s.fake.comment(s.issues.net, `commenter-${i}`, new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString());
    s.fake.linkPr(s.issues.net, 'someone', '2026-11-20T00:00:00Z');
    const said = await s.adapter.click('claim', 'kubernetes/kubernetes#21', ada);
    expect(said.text).toMatch(/already has an open pull request/);
    expect(await s.claims()).toEqual([]);
    // Two pages in all for a chat reply: the first, which says where the last is, and the last.
    expect(s.fake.requests.filter((r) => r.path.endsWith('/timeline')).map((r) => r.query.get('page'))).toEqual([
      '1',
      '3',
    ]);
  });

  it('still gives the step when GitHub cannot be reached, says the state was not checked, and records the claim', async () => {
    const s = await world();
    s.fake.respond(() => true, ...Array.from({ length: 5 }, () => ({ status: 503, body: { message: 'down' } })));
    const said = await s.adapter.click('claim', 'kubernetes/website#11', ada);
    expect(said.text).toMatch(/is yours to try/);
    expect(said.text).toMatch(/comment \/assign/);
    expect(said.text).toMatch(/could not reach GitHub to check that it is still free/);
    expect((await s.claims()).length).toBe(1);
    expect(s.fake.requests.length).toBe(1); // a chat reply does not retry
  });
});

describe('live checks per person', () => {
  it('allows five a minute: a sixth claim or login check says when to try again and asks GitHub nothing; others are not held', async () => {
    const s = await world();
    s.issues.net.state = 'closed';
    for (let i = 0; i < 4; i++)
      expect((await s.adapter.command('claim', 'kubernetes/kubernetes#21', ada)).text).toMatch(/already closed/);
    expect((await s.adapter.command('github', 'nobody-here', ada)).text).toMatch(/no user called/);
    const before = s.fake.requests.length;
    const held = await s.adapter.command('claim', 'kubernetes/kubernetes#21', ada);
    expect(held.text).toMatch(/a lot of checks on GitHub in a minute: I can look again in 60 s/);
    expect((await s.adapter.command('github', 'someone-else', ada)).text).toMatch(/a lot of checks on GitHub/);
    expect(s.fake.requests.length).toBe(before);
    expect((await s.adapter.click('claim', 'kubernetes/website#11', bob)).text).toMatch(/is yours to try/);
    s.clock.advance(1);
    expect((await s.adapter.command('claim', 'kubernetes/kubernetes#21', ada)).text).toMatch(/already closed/);
  });

  it('says it in French too', async () => {
    const s = await world();
    await s.adapter.command('language', 'fr', ada);
    for (let i = 0; i < 5; i++) await s.adapter.command('github', `nobody-${i}`, ada);
    expect((await s.adapter.command('github', 'nobody-5', ada)).text).toMatch(
      /beaucoup de vérifications sur GitHub en une minute/,
    );
  });
});

describe('a slow GitHub', () => {
  it('does not hold the reply: past the deadline the step comes with "could not check", and the claim is recorded', async () => {
    const s = await world({ timeoutMs: 5000 });
    s.fake.respond((r) => r.path.endsWith('/timeline'), { status: 200, delayMs: 3000, body: [] });
    const said = await s.adapter.click('claim', 'kubernetes/website#11', ada);
    expect(said.text).toMatch(/is yours to try/);
    expect(said.text).toMatch(/could not reach GitHub to check that it is still free/);
    expect((await s.claims()).length).toBe(1);
  });
});

describe('bad input gets a clear reply and fetches nothing it should not', () => {
  it('refuses a repository outside the community without asking GitHub', async () => {
    const s = await world();
    const said = await s.adapter.say('I want to work on torvalds/linux#1', ada);
    expect(said.text).toMatch(/torvalds\/linux is not one of Kubernetes's repositories.*kubernetes, kubernetes-sigs/);
    expect(s.fake.requests).toEqual([]);
  });

  it('says an unknown repository or issue number was not found on GitHub', async () => {
    const s = await world();
    expect((await s.adapter.click('claim', 'kubernetes/no-such-repo#5', ada)).text).toMatch(
      /couldn't find kubernetes\/no-such-repo#5 on GitHub/,
    );
    expect((await s.adapter.click('claim', 'kubernetes/website#999', ada)).text).toMatch(
      /couldn't find kubernetes\/website#999/,
    );
  });

  it('recognises a pull request by its link without a request, and by asking GitHub otherwise', async () => {
    const s = await world();
    expect(
      (await s.adapter.say('I want to work on https://github.com/kubernetes/kubernetes/pull/23', ada)).text,
    ).toMatch(/kubernetes\/kubernetes#23 is a pull request, not an issue/);
    expect(s.fake.requests).toEqual([]);
    expect((await s.adapter.click('claim', 'kubernetes/kubernetes#23', ada)).text).toMatch(
      /is a pull request, not an issue/,
    );
  });

  it('never opens a link from chat: a non-GitHub URL gets an explanation and no request', async () => {
    const s = await world();
    let hits = 0;
    const elsewhere = createServer((_req, res) => (hits++, res.end('{}')));
    await new Promise<void>((r) => elsewhere.listen(0, '127.0.0.1', r));
    const port = (elsewhere.address() as AddressInfo).port;
    try {
      const said = await s.adapter.say(`I want to work on http://localhost:${port}/kubernetes/website/issues/11`, ada);
      expect(said.text).toMatch(/That link isn't a GitHub issue/);
      expect(
        (await s.adapter.say('I want to work on https://gitlab.com/kubernetes/website/-/issues/11', ada)).text,
      ).toMatch(/isn't a GitHub issue/);
      expect(s.fake.requests).toEqual([]);
      // A link on the configured GitHub's host is only read for owner/repo#n: the API is asked, the link never opened.
      expect(
        (await s.adapter.say(`I want to work on http://127.0.0.1:${port}/kubernetes/website/issues/11`, ada)).text,
      ).toMatch(/is yours to try/);
      expect(s.fake.requests.map((r) => r.path)).toEqual([
        '/repos/kubernetes/website/issues/11',
        '/repos/kubernetes/website/issues/11/timeline',
      ]);
      expect(hits).toBe(0);
    } finally {
      await new Promise((r) => elsewhere.close(r));
    }
  });

  it('says a number no issue can have is not an issue number, even with GitHub down, and records nothing', async () => {
    const s = await world();
    s.fake.respond(() => true, ...Array.from({ length: 5 }, () => ({ status: 503, body: { message: 'down' } })));
    expect((await s.adapter.command('claim', 'kubernetes/website#9999999999', ada)).text).toMatch(
      /#9999999999 can't be a GitHub issue number/,
    );
    expect(
      (await s.adapter.say('I want to work on https://github.com/kubernetes/website/issues/9999999999', ada)).text,
    ).toMatch(/can't be a GitHub issue number/);
    expect(await s.claims()).toEqual([]);
    expect(s.fake.requests).toEqual([]);
  });

  it('asks which issue when the message names none', async () => {
    const s = await world();
    expect((await s.adapter.command('claim', 'the one about docs', ada)).text).toMatch(/Which issue\?/);
    expect((await s.adapter.command('claim', '#abc', ada)).text).toMatch(/Which issue\?/);
  });
});

describe('/github', () => {
  it('validates, checks, stores, shows and forgets the login', async () => {
    const s = await world();
    s.fake.addUser('ada-l');
    expect((await s.adapter.command('github', '', ada)).text).toMatch(/haven't told me your GitHub login/);
    expect((await s.adapter.command('github', 'not a login!', ada)).text).toMatch(/isn't a GitHub login/);
    expect((await s.adapter.command('github', '-ada', ada)).text).toMatch(/isn't a GitHub login/);
    expect((await s.adapter.command('github', 'nobody-here', ada)).text).toMatch(
      /GitHub has no user called "nobody-here"/,
    );
    const saved = await s.adapter.command('github', '@ada-l', ada);
    expect(saved.text).toMatch(/your GitHub login is ada-l.*not a proof of identity/);
    expect(await s.deps.store.githubLogins.get({ platform: 'test', workspaceId: 'W1', userId: 'U1' })).toMatchObject({
      login: 'ada-l',
    });
    expect((await s.adapter.command('github', '', ada)).text).toMatch(/Your GitHub login here is ada-l/);
    expect((await s.adapter.command('github', 'forget', ada)).text).toMatch(/no longer know your GitHub login/);
  });

  it('asks GitHub about a login once a day at most, and about a missing one once an hour', async () => {
    const s = await world();
    s.fake.addUser('ada-l');
    const users = () => s.fake.requests.filter((r) => r.path.startsWith('/users/')).length;
    await s.adapter.command('github', 'ada-l', ada);
    await s.adapter.command('github', 'Ada-L', bob);
    expect(users()).toBe(1);
    expect((await s.adapter.command('github', 'nobody-here', cleo)).text).toMatch(/no user called "nobody-here"/);
    expect((await s.adapter.command('github', 'nobody-here', cleo)).text).toMatch(/no user called "nobody-here"/);
    expect(users()).toBe(2);
    s.clock.advance(61);
    await s.adapter.command('github', 'nobody-here', cleo);
    expect(users()).toBe(3);
    s.clock.advance(24 * 60);
    await s.adapter.command('github', 'ada-l', ada);
    expect(users()).toBe(4);
  });

  it('keeps the login with a note when GitHub cannot be asked', async () => {
    const s = await world();
    s.fake.respond(() => true, { status: 503, body: { message: 'down' } });
    expect((await s.adapter.command('github', 'ada-l', ada)).text).toMatch(
      /couldn't ask GitHub whether this login exists/,
    );
  });
});

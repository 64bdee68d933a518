// /privacy in chat (show, export, forget after a confirmation) and the operator's `forget`, on SQLite with the fake GitHub.
import { afterEach, describe, expect, it } from 'vitest';
import type { Destination, PostResult, Reply } from '../../src/core/types.js';
import { notifyWaitlists } from '../../src/jobs/claim-follow-ups.js';
import { createStore } from '../../src/store/store.js';
import type { FakeGithub } from '../github/fake-github.js';
import { botSetup } from '../github/setup.js';
import { cliRun } from '../helpers/cli.js';
import { openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { actionsOf } from '../helpers/test-adapter.js';
import { whereFound } from './scan.js';

const zoe = { userId: 'U7PRIVACYZQ', userName: 'Zoe' };
const bob = { userId: 'U2', userName: 'Bob' };

let fake: FakeGithub | undefined;
let db: TestDatabase | undefined;
afterEach(async () => {
  await fake?.close();
  await db?.dispose();
});

async function zoeHasAHistory() {
  db = await openTestDatabase('sqlite');
  const s = await botSetup({ store: createStore(db) });
  fake = s.fake;
  s.fake.addIssue('kubernetes/website', 11, {
    title: 'Docs: explain static pods',
    labels: ['good first issue', 'sig/docs'],
  });
  s.fake.addUser('zoe-gh');
  await s.side.refresh();
  await s.adapter.say('Bonjour, comment contribuer à Kubernetes ?', zoe);
  await s.adapter.command('sig', 'join sig-docs', zoe);
  await s.adapter.command('sig', 'digest on', zoe);
  await s.adapter.command('github', 'zoe-gh', zoe);
  await s.adapter.command('mentor', 'join sig-docs', zoe);
  await s.adapter.command('mentor', 'pause', zoe);
  expect((await s.adapter.click('claim', 'kubernetes/website#11', zoe)).text).toMatch(/kubernetes\/website#11/);
  // Bob wants the same issue: he is put on its waiting list.
  await s.adapter.click('claim', 'kubernetes/website#11', bob);
  return s;
}

describe('/privacy', () => {
  it('shows what is kept, exports it as JSON privately, and erases it all only after the confirmation', async () => {
    const s = await zoeHasAHistory();
    const shown = await s.adapter.command('privacy', '', zoe);
    expect(shown.replies.every((r) => r.private)).toBe(true);
    expect(shown.text).toMatch(/sig-docs/);
    expect(shown.text).toMatch(/zoe-gh/);
    expect(shown.text).toMatch(/kubernetes\/website#11/);
    expect(shown.text).toMatch(/résumé hebdomadaire en message privé : activé/i);

    const exported = await s.adapter.click('privacy.export', 'json', zoe);
    expect(exported.replies[0]!.private).toBe(true);
    const json = JSON.parse(exported.text.slice(exported.text.indexOf('{')).replace(/\\(.)/g, '$1'));
    expect(json).toMatchObject({ user: 'U7PRIVACYZQ', groups: ['sig-docs'], githubLogin: 'zoe-gh', digestByDm: true });
    expect(json.funnel.map((f: { step: string }) => f.step)).toEqual(['first_contact', 'picked_group', 'claimed']);

    const asked = await s.adapter.command('privacy', 'forget', zoe);
    expect(actionsOf(asked.replies).map(([id]) => id)).toEqual(['privacy.forget_confirm', 'privacy.forget_cancel']);
    expect((await s.adapter.click('privacy.forget_cancel', 'no', zoe)).text).toMatch(/Rien n'a été effacé/);
    expect(
      (await s.deps.store.personalData.describe({ platform: 'test', workspaceId: 'W1', userId: 'U7PRIVACYZQ' })).groups,
    ).toEqual(['sig-docs']);

    const erased = await s.adapter.click('privacy.forget_confirm', 'yes', zoe);
    expect(erased.text).toMatch(/C'est fait/);
    for (const what of [
      'votre langue',
      '1 groupe suivi',
      'résumé hebdomadaire',
      'identifiant GitHub',
      'kubernetes/website#11',
      '3 étapes',
    ])
      expect(erased.text).toContain(what);

    // The waitlist job tells Bob the issue is free, as after a give-up.
    const told: { to: Destination; reply: Reply }[] = [];
    const post = async (to: Destination, reply: Reply): Promise<PostResult> => (told.push({ to, reply }), { ok: true });
    expect(await notifyWaitlists({ ...s.deps, post })).toEqual({ notified: 1, failed: 0 });
    expect(told.map((t) => (t.to.kind === 'user' ? t.to.userId : t.to.channelId))).toEqual(['U2']);
    expect(JSON.stringify(told[0]!.reply.blocks)).toContain('kubernetes/website#11');

    expect(await whereFound(db!, 'U7PRIVACYZQ')).toEqual([]);
    expect((await s.adapter.command('privacy', '', zoe)).text).toMatch(
      /I keep nothing about you|Je ne garde rien sur vous/,
    );
  });
});

describe('npm run cli -- forget', () => {
  it('erases a person for an operator, in every workspace their id has rows in', async () => {
    const s = await zoeHasAHistory();
    const { code, out } = await cliRun(['forget', '--platform', 'test', '--user', 'U7PRIVACYZQ'], {
      DATABASE_URL: db!.url,
    });
    expect(code).toBe(0);
    expect(out[0]).toMatch(
      /Erased test user U7PRIVACYZQ in W1: language yes, 1 groups, digest by DM yes, GitHub login yes, 1 claims released \(kubernetes\/website#11\)/,
    );
    expect(await whereFound(db!, 'U7PRIVACYZQ')).toEqual([]);
    expect(await s.deps.store.claims.openOn({ owner: 'kubernetes', repo: 'website', number: 11 })).toBeNull();
    expect(
      (await cliRun(['forget', '--platform', 'test', '--user', 'U7PRIVACYZQ'], { DATABASE_URL: db!.url })).out[0],
    ).toMatch(/Nothing is kept/);
  });

  it('refuses a request without a platform or a user, with exit code 2', async () => {
    const { code, err } = await cliRun(['forget', '--user', 'U1'], { DATABASE_URL: 'sqlite::memory:' });
    expect({ code, err }).toEqual({ code: 2, err: ['forget: --platform and --user are required'] });
  });
});

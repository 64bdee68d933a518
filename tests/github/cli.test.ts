// npm run cli -- issues: refresh and list against a fake GitHub, exit codes, the bundled sample, no token or cache.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliRun } from '../helpers/cli.js';
import { isSearch, startFakeGithub, type FakeGithub } from './fake-github.js';

let fake: FakeGithub;
let dir: string;
beforeEach(async () => {
  fake = await startFakeGithub();
  dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-cli-'));
});
afterEach(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

const cli = (args: string[], extra: Record<string, string> = {}) =>
  cliRun(args, {
    DATABASE_URL: `sqlite:${path.join(dir, 'db.sqlite')}`,
    GITHUB_API_URL: fake.url,
    GITHUB_TOKEN: 'ghp_cli',
    ...extra,
  });

describe('npm run cli -- issues', () => {
  it('refresh prints a line per query and a summary; list prints the cache, filtered', async () => {
    fake.addIssue('kubernetes/website', 11, {
      title: 'Docs: explain static pods',
      labels: ['good first issue', 'sig/docs'],
    });
    fake.addIssue('kubernetes-sigs/kind', 41, { title: 'Show the node\u001b[31m image', labels: ['help wanted'] });
    fake.setRepo('kubernetes-sigs/kind', 'Go');
    const refreshed = await cli(['issues', 'refresh']);
    expect(refreshed.code).toBe(0);
    expect(refreshed.out.filter((l) => l.startsWith('['))).toEqual([
      '[1/2] is:issue is:open no:assignee -linked:pr archived:false label:"good first issue" org:kubernetes org:kubernetes-sigs: 1 free issues, +1 -0; 1 requests, 0 unchanged (304)',
      '[2/2] is:issue is:open no:assignee -linked:pr archived:false label:"help wanted" org:kubernetes org:kubernetes-sigs: 1 free issues, +1 -0; 1 requests, 0 unchanged (304)',
    ]);
    expect(refreshed.out.at(-1)).toMatch(/^Index: 2 free issues; 2 repository languages looked up/);
    const all = await cli(['issues', 'list']);
    expect(all.out[0]).toMatch(/^2 free issues \(checked /);
    expect(all.out.slice(1).join('\n')).toMatch(
      /kubernetes-sigs\/kind#41 {2}Show the node\[31m image {2}\[sig-testing · Go\]/,
    );
    expect(all.out.join('\n')).not.toContain('\u001b');
    const docs = await cli(['issues', 'list', '--sig', 'docs']);
    expect(docs.out).toHaveLength(2);
    expect(docs.out[1]).toMatch(/^kubernetes\/website#11 {2}Docs: explain static pods {2}\[sig-docs · \?\]/);
    expect((await cli(['issues', 'list', '--language', 'golang'])).out.slice(1).map((l) => l.split(' ')[0])).toEqual([
      'kubernetes-sigs/kind#41',
    ]);
  });

  it('exits 1 naming the failed query, and 2 on bad arguments', async () => {
    fake.respond(isSearch, { status: 422, body: { message: 'Validation Failed' } });
    const failed = await cli(['issues', 'refresh']);
    expect(failed.code).toBe(1);
    expect(failed.out.join('\n')).toMatch(
      /\[1\/2\] .*: failed \(GitHub rejected the request \(422\)\); the issues it found before are kept/,
    );
    expect((await cli(['issues', 'list', '--sig', 'nope'])).code).toBe(2);
    expect((await cli(['issues', 'list', '--colour'])).err).toEqual(['unknown argument --colour']);
  });

  it('lists the bundled sample where the bot would answer from it (no token, no chat platform), as digest --dry-run does', async () => {
    const listed = await cli(['issues', 'list'], { GITHUB_TOKEN: '' });
    expect(listed.code).toBe(0);
    expect(listed.out[0]).toMatch(/^\d+ free issues \(the bundled sample: made-up issues/);
    expect(listed.out.length).toBeGreaterThan(1);
    expect(fake.requests).toEqual([]);
  });

  it('says so when there is no token, and when the cache is empty', async () => {
    expect((await cli(['issues', 'list'])).out).toEqual(['The index is empty: run `npm run cli -- issues refresh`.']);
    const r = await cli(['issues', 'refresh'], { GITHUB_TOKEN: '' });
    expect(r.out[0]).toMatch(/GITHUB_TOKEN is not set/);
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(fake.requests.every((q) => q.authorization === null)).toBe(true);
  });
});

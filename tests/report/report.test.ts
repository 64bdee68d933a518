// Walks several people through the funnel on the test adapter and fake GitHub, then checks `report` to the number.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/store.js';
import { funnelRecorder } from '../../src/wiring/ports.js';
import type { FakeGithub } from '../github/fake-github.js';
import { botSetup } from '../github/setup.js';
import { cliRun } from '../helpers/cli.js';
import { openTestDatabase, type TestDatabase } from '../helpers/database.js';

const person = (userId: string) => ({ platform: 'test', workspaceId: 'W1', userId });
const ada = { userId: 'U1', userName: 'Ada' };
const bob = { userId: 'U2', userName: 'Bob' };
const cleo = { userId: 'U3', userName: 'Cleo' };
const dan = { userId: 'U4', userName: 'Dan' };
const HOUR = 60;
const DAY = 24 * HOUR;

let db: TestDatabase;
let fake: FakeGithub;
let env: Record<string, string>;

beforeAll(async () => {
  db = await openTestDatabase('sqlite');
  const s = await botSetup({ store: createStore(db) });
  fake = s.fake;
  s.fake.addIssue('kubernetes/website', 11, {
    title: 'Docs: explain static pods',
    labels: ['good first issue', 'sig/docs'],
  });
  s.fake.addIssue('kubernetes/kubernetes', 21, {
    title: 'kube-proxy: clearer log line',
    labels: ['good first issue', 'sig/network'],
  });
  await s.side.refresh();
  const funnel = funnelRecorder(s.deps);
  // Friday 27 November: Ada, Bob, Cleo and Dan write to the bot; three pick a group, two claim.
  for (const who of [ada, bob, cleo, dan]) await s.adapter.say('How do I contribute to Kubernetes?', who);
  await s.adapter.click('sig.pick', 'sig-docs', ada);
  await s.adapter.click('sig.pick', 'sig-network', bob);
  await s.adapter.click('sig.pick', 'sig-docs', cleo);
  await s.adapter.click('claim', 'kubernetes/website#11', ada);
  await s.adapter.click('claim', 'kubernetes/kubernetes#21', bob);
  // The journey's steps arrive through the same port: Ada opens a PR 2 days after her claim (Sunday 29), Bob after 4.
  s.clock.advance(2 * DAY);
  funnel.record('pr_opened', person('U1'), { group: 'sig-docs', language: 'en' }, s.clock.now());
  s.clock.advance(2 * DAY);
  funnel.record('pr_opened', person('U2'), { group: 'sig-network', language: 'en' }, s.clock.now());
  // Ada's is merged 3 days after she opened it (Wednesday 2 December), and her second one a week later.
  s.clock.advance(DAY);
  funnel.record('pr_merged', person('U1'), { group: 'sig-docs', language: 'en' }, s.clock.now());
  s.clock.advance(7 * DAY);
  funnel.record('second_contribution', person('U1'), { group: 'sig-docs', language: 'en' }, s.clock.now());
  // A repeat of a step already kept changes nothing.
  funnel.record('pr_opened', person('U1'), { group: 'sig-docs', language: 'en' }, s.clock.now());
  await funnel.flush();
  env = { DATABASE_URL: db.url };
}, 30_000);

afterAll(async () => {
  await fake?.close();
  await db?.dispose();
});

const lastJson = (out: string[]) => JSON.parse(out.at(-1)!);

describe('npm run cli -- report', () => {
  it('counts each step, by group, and the median days between steps, as one JSON object', async () => {
    const { code, out } = await cliRun(['report', '--json'], env);
    expect(code).toBe(0);
    expect(out.at(-1)).toBe(
      JSON.stringify({
        since: null,
        until: null,
        funnel: { first_contact: 4, picked_group: 3, claimed: 2, pr_opened: 2, pr_merged: 1, second_contribution: 1 },
        by_group: {
          'sig-docs': {
            first_contact: 2,
            picked_group: 2,
            claimed: 1,
            pr_opened: 1,
            pr_merged: 1,
            second_contribution: 1,
          },
          'sig-network': {
            first_contact: 1,
            picked_group: 1,
            claimed: 1,
            pr_opened: 1,
            pr_merged: 0,
            second_contribution: 0,
          },
        },
        median_days: { claimed_to_pr_opened: 3, pr_opened_to_pr_merged: 3 },
      }),
    );
  });

  it('keeps to the window and the group asked for', async () => {
    const late = lastJson(
      (await cliRun(['report', '--json', '--since', '2026-11-30', '--until', '2026-12-31'], env)).out,
    );
    expect(late.since).toBe('2026-11-30');
    expect(late.funnel).toEqual({
      first_contact: 0,
      picked_group: 0,
      claimed: 0,
      pr_opened: 1,
      pr_merged: 1,
      second_contribution: 1,
    });
    // Bob's pull request (Tuesday 1 December) is in, his claim is not: no pair, so his days do not count.
    expect(late.median_days).toEqual({ claimed_to_pr_opened: null, pr_opened_to_pr_merged: null });
    const docs = lastJson((await cliRun(['report', '--json', '--group', 'sig-docs'], env)).out);
    expect(docs.funnel).toEqual({
      first_contact: 2,
      picked_group: 2,
      claimed: 1,
      pr_opened: 1,
      pr_merged: 1,
      second_contribution: 1,
    });
    expect(Object.keys(docs.by_group)).toEqual(['sig-docs']);
    expect(docs.median_days).toEqual({ claimed_to_pr_opened: 2, pr_opened_to_pr_merged: 3 });
  });

  it('shows conversions and weeks as text, and rows as CSV', async () => {
    const text = (await cliRun(['report'], env)).out.join('\n');
    expect(text).toMatch(/Picked a group\s+3\s+75%/);
    expect(text).toMatch(/Claimed an issue\s+2\s+67%/);
    expect(text).toMatch(/2026-11-23\s+4\s+3\s+2\s+1\s+0\s+0/);
    expect(text).toMatch(/Median time from claim to pull request: 3 days/);
    const csv = (await cliRun(['report', '--csv'], env)).out;
    expect(csv[0]).toBe('scope,key,first_contact,picked_group,claimed,pr_opened,pr_merged,second_contribution');
    expect(csv).toContain('all,,4,3,2,2,1,1');
    expect(csv).toContain('group,sig-network,1,1,1,1,0,0');
    expect(csv).toContain('week,2026-11-30,0,0,0,1,1,0');
  });

  it('draws the funnel and the weekly trend as a valid SVG that names the steps', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'onramp-chart-')), 'funnel.svg');
    const { code } = await cliRun(['report', '--chart', file], env);
    expect(code).toBe(0);
    const svg = readFileSync(file, 'utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(svg);
    expect(parsed.svg['@_xmlns']).toBe('http://www.w3.org/2000/svg');
    const texts = JSON.stringify(parsed.svg.text);
    for (const label of [
      'First contact',
      'Picked a group',
      'Claimed an issue',
      'Opened a pull request',
      'Pull request merged',
      'Second contribution',
    ])
      expect(texts).toContain(label);
    // One trend line per step, over the three weeks with steps.
    expect(parsed.svg.polyline).toHaveLength(6);
    expect(parsed.svg.polyline[0]['@_points'].split(' ')).toHaveLength(3);
  });

  it('refuses bad dates and options with one clear line and exit code 2', async () => {
    for (const [args, message] of [
      [['--since', '2026-13-01'], /--since must be a date written YYYY-MM-DD/],
      [['--until', 'yesterday'], /--until must be a date/],
      [['--since', '2026-12-02', '--until', '2026-12-01'], /--since 2026-12-02 is after --until 2026-12-01/],
      [['--json', '--csv'], /cannot be used together/],
      [['--chart', 'funnel.png'], /SVG only/],
      [['--weekly'], /unknown argument --weekly/],
    ] as const) {
      const { code, err, out } = await cliRun(['report', ...args], env);
      expect({ code, lines: err.length, out }).toEqual({ code: 2, lines: 1, out: [] });
      expect(err[0]).toMatch(message);
    }
  });
});

// Issue index costs: GitHub requests for a full and an unchanged refresh, and the time to answer /issues from the cache.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { boot } from '../src/boot.js';
import { capabilities } from '../src/capabilities/index.js';
import { createBot } from '../src/wiring/bot.js';
import type { InboundEvent } from '../src/core/types.js';
import { createGithub } from '../src/github/create.js';
import { startFakeGithub, type FakeGithub } from '../tests/github/fake-github.js';
import { percentile, round, timeMany, type Bench } from './bench.js';

/** Claimable issues per label query: both under GitHub's 1,000-result cap, so the target is exact. */
const PER_QUERY = Number(process.env.BENCH_ISSUES_PER_QUERY ?? 900);
/** One query over the cap, to show what reading past it (continuing from the last creation time) costs. */
const OVER_CAP = Number(process.env.BENCH_ISSUES_OVER_CAP ?? 2500);
const REPOS = 12;
const RUNS = Number(process.env.BENCH_ISSUES_RUNS ?? 1000);

function seed(fake: FakeGithub, label: string, count: number, offset: number) {
  for (let n = 0; n < count; n++) {
    const repo = `${n % 2 ? 'kubernetes' : 'kubernetes-sigs'}/repo-${n % REPOS}`;
    fake.addIssue(repo, offset + n, { labels: [label, n % 3 ? 'sig/docs' : 'sig/network'] });
  }
  for (let r = 0; r < REPOS; r++)
    fake.setRepo(`${r % 2 ? 'kubernetes' : 'kubernetes-sigs'}/repo-${r}`, r % 4 ? 'Go' : 'Python');
}

async function world(dir: string, name: string) {
  const fake = await startFakeGithub();
  const booted = await boot(
    {
      DATABASE_URL: `sqlite:${path.join(dir, `${name}.db`)}`,
      GITHUB_API_URL: fake.url,
      GITHUB_TOKEN: 'bench',
      ISSUES_SOURCE: 'github',
    },
    { logLevel: 'silent', logFd: 2 },
  );
  // The real client and index; only the search budget is widened, since requests are counted, not waited for.
  const side = await createGithub({
    ...booted.deps,
    store: booted.deps.store,
    source: 'github',
    http: { searchesPerMinute: 600_000 },
  });
  return { fake, booted, side, deps: { ...booted.deps, issues: side.issues, github: side.github } };
}

export const issues: Bench = {
  name: 'issue index: refresh requests, /issues from the cache',
  async run() {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-bench-issues-'));
    try {
      const w = await world(dir, 'index');
      seed(w.fake, 'good first issue', PER_QUERY, 1);
      seed(w.fake, 'help wanted', PER_QUERY, 100_000);
      await w.side.refresh();
      const searches = w.fake.searches().length;
      const other = w.fake.requests.length - searches;
      w.fake.reset();
      await w.side.refresh();
      const second = w.fake.requests.length;
      const conditional = w.fake.requests.filter((r) => r.ifNoneMatch !== null).length;
      const notModified = w.fake.requests.filter((r) => r.status === 304).length;

      const dispatch = createBot(w.deps, capabilities).dispatch;
      const origin = {
        platform: 'slack' as const,
        workspaceId: 'T1',
        channelId: 'D1',
        userId: 'U1',
        userName: 'bench',
        isDirect: true,
      };
      // 50 people, each alternating between two questions: every reply lists something new, so it is also stored.
      const ask = (i: number): InboundEvent => ({
        kind: 'command',
        id: `b${i}`,
        origin: { ...origin, userId: `U${i % 50}` },
        name: 'issues',
        args: Math.floor(i / 50) % 2 ? '' : 'docs go',
      });
      // The same person asking the same again within the hour: the listing is already stored.
      const again = (i: number): InboundEvent => ({ kind: 'command', id: `a${i}`, origin, name: 'issues', args: '' });
      await w.deps.store.subscriptions.add(origin, 'sig-docs', new Date());
      const cached = await timeMany(RUNS, (i) => dispatch(ask(i)));
      const repeated = await timeMany(RUNS, (i) => dispatch(again(i)));
      // CPU time per reply: the work itself, apart from waiting for a core on a shared machine.
      const cpu: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const before = process.cpuUsage();
        await dispatch(ask(i));
        const used = process.cpuUsage(before);
        cpu.push((used.user + used.system) / 1000);
      }
      cpu.sort((a, b) => a - b);
      const index = w.side.issues;
      const uncached = await timeMany(Math.min(RUNS, 300), (i) => (index.invalidate(), dispatch(ask(i))));
      const indexed = (await w.side.issues.list()).length;
      await w.fake.close();
      await w.booted.close();

      const big = await world(dir, 'split');
      seed(big.fake, 'good first issue', OVER_CAP, 1);
      await big.side.refresh();
      const split = big.fake.searches().filter((r) => r.query.get('q')!.includes('good first issue')).length;
      const splitFound = (await big.side.issues.list()).length;
      await big.fake.close();
      await big.booted.close();

      return {
        claimable: 2 * PER_QUERY,
        indexed,
        full_searches: searches,
        full_target: 2 * Math.ceil(PER_QUERY / 100),
        full_other_requests: other,
        unchanged_requests: second,
        unchanged_conditional: conditional,
        unchanged_304: notModified,
        over_cap_issues: OVER_CAP,
        over_cap_found: splitFound,
        over_cap_searches: split,
        over_cap_floor: Math.ceil(OVER_CAP / 100),
        issues_p50_ms: round(percentile(cached, 50)),
        issues_p99_ms: round(percentile(cached, 99)),
        issues_cpu_p99_ms: round(percentile(cpu, 99)),
        issues_repeat_p50_ms: round(percentile(repeated, 50)),
        issues_repeat_p99_ms: round(percentile(repeated, 99)),
        issues_p50_uncached_ms: round(percentile(uncached, 50)),
        issues_p99_uncached_ms: round(percentile(uncached, 99)),
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

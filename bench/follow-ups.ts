// Follow-up costs: GitHub requests one pass of the claim follow-ups makes for N open claims (cold and warm cache),
// against what GitHub allows in an hour once the index refresh has taken its share.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { boot } from '../src/boot.js';
import { createGithub } from '../src/github/create.js';
import { claimFollowUps } from '../src/jobs/claim-follow-ups.js';
import { startFakeGithub } from '../tests/github/fake-github.js';
import type { Bench } from './bench.js';

/** Open claims; every holder gave a GitHub login, a third have an open pull request (the costly case). */
const CLAIMS = Number(process.env.BENCH_FOLLOW_UP_CLAIMS ?? 300);
/** GitHub's hourly allowance of an authenticated token. */
const GITHUB_PER_HOUR = 5000;

export const followUps: Bench = {
  name: 'follow-ups: GitHub requests per pass',
  async run() {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-bench-follow-ups-'));
    const fake = await startFakeGithub();
    try {
      const booted = await boot(
        {
          DATABASE_URL: `sqlite:${path.join(dir, 'f.db')}`,
          GITHUB_API_URL: fake.url,
          GITHUB_TOKEN: 'bench',
          ISSUES_SOURCE: 'github',
        },
        { logLevel: 'silent', logFd: 2 },
      );
      const side = await createGithub({
        ...booted.deps,
        store: booted.deps.store,
        source: 'github',
        http: { searchesPerMinute: 600_000 },
      });
      const deps = { ...booted.deps, github: side.github, issues: side.issues };
      const now = new Date();
      for (let n = 1; n <= CLAIMS; n++) {
        const issue = fake.addIssue('kubernetes/website', n, { labels: ['good first issue', 'sig/docs'] });
        const user = { platform: 'slack', workspaceId: 'T1', userId: `U${n}` };
        await deps.store.githubLogins.set(user, `dev-${n}`, now);
        await deps.store.claims.open(
          user,
          {
            owner: 'kubernetes',
            repo: 'website',
            number: n,
            title: issue.title,
            url: `https://github.com/kubernetes/website/issues/${n}`,
            sigId: 'sig-docs',
          },
          now,
        );
        if (n % 3 === 0) fake.linkPr(issue, `dev-${n}`, now.toISOString());
      }
      const post = async () => ({ ok: true as const });
      const pass = async () => {
        fake.reset();
        await claimFollowUps({ ...deps, post, wait: async () => {} });
        return { requests: fake.requests.length, notModified: fake.requests.filter((r) => r.status === 304).length };
      };
      const cold = await pass();
      const warm = await pass();
      await booted.close();
      // A 304 to a conditional request does not count against the hourly allowance (GitHub's documentation).
      const counted = warm.requests - warm.notModified;
      return {
        claims: CLAIMS,
        cold_requests: cold.requests,
        warm_requests: warm.requests,
        warm_not_modified: warm.notModified,
        warm_counted: counted,
        per_claim_cold: Number((cold.requests / CLAIMS).toFixed(2)),
        github_per_hour: GITHUB_PER_HOUR,
      };
    } finally {
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

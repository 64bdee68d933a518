// GitHub ports for tests that wire no GitHub: the index reads the store, live checks say they cannot check.
import type { Logger } from '../../src/log.js';
import type { Store } from '../../src/store/store.js';
import { createIssueIndex } from '../../src/github/issue-index.js';
import type { GithubPort, IssueIndex } from '../../src/github/ports.js';

export function createOfflineGithub(
  store: Pick<Store, 'issues'>,
  log: Logger,
  now: () => Date = () => new Date(),
): { github: GithubPort; issues: IssueIndex } {
  return {
    github: {
      source: 'github',
      webBase: 'https://github.com',
      issueHosts: ['github.com'],
      async checkIssue() {
        return { state: 'unreachable', reason: 'GitHub is not configured here' };
      },
      async userExists() {
        return null;
      },
      liveCheck() {
        return 0;
      },
    },
    issues: createIssueIndex({ store, refresh: async () => null, intervalMinutes: 30, now, log, cacheMs: 0 }),
  };
}

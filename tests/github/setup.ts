// Wires the real GitHub side (real Octokit) to a fake GitHub on 127.0.0.1, with a clock the test moves.
import { createGithub } from '../../src/github/create.js';
import type { Content } from '../../src/content/types.js';
import type { Store } from '../../src/store/store.js';
import { testDeps } from '../helpers/deps.js';
import { startFakeGithub } from './fake-github.js';
import { startTestBot } from '../helpers/test-bot.js';

export interface Clock {
  now: () => Date;
  advance(minutes: number): void;
  set(at: Date): void;
}

export function createClock(start = new Date('2026-11-27T10:00:00Z')): Clock {
  let at = start.getTime();
  return { now: () => new Date(at), advance: (m) => void (at += m * 60_000), set: (d) => void (at = d.getTime()) };
}

export async function githubSetup(
  options: { env?: Record<string, string>; store?: Store; timeoutMs?: number; content?: Content } = {},
) {
  const fake = await startFakeGithub();
  const clock = createClock();
  const deps = await testDeps({
    env: { GITHUB_API_URL: fake.url, GITHUB_TOKEN: 'ghp_test_token', ISSUES_SOURCE: 'github', ...options.env },
    now: clock.now,
    ...(options.store ? { store: options.store } : {}),
    ...(options.content ? { content: options.content } : {}),
  });
  // Real budgets and backoffs, scaled down: a minute of budget is spent in milliseconds, Retry-After seconds become milliseconds.
  const side = await createGithub({
    config: deps.config,
    content: deps.content,
    store: deps.store,
    log: deps.log,
    now: clock.now,
    http: { retryAfterBaseMs: 1, searchesPerMinute: 600_000, timeoutMs: options.timeoutMs ?? 400, interactiveMs: 300 },
  });
  return { fake, clock, deps: { ...deps, issues: side.issues, github: side.github }, side };
}

/** The whole bot over that GitHub side, driven through the in-memory test adapter. */
export async function botSetup(options: Parameters<typeof githubSetup>[0] = {}) {
  const s = await githubSetup(options);
  const { adapter } = await startTestBot({ deps: s.deps });
  return { ...s, adapter };
}

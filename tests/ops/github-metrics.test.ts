// GitHub's client counts each request by outcome and keeps the rate-limit budget GitHub reported, for /metrics.
import { afterEach, describe, expect, it } from 'vitest';
import { createGithubHttp } from '../../src/github/client.js';
import { createSilentLogger } from '../../src/log.js';
import { createMemoryMetrics } from '../../src/metrics/port.js';
import { startFakeGithub, type FakeGithub } from '../github/fake-github.js';

let fake: FakeGithub | undefined;
afterEach(async () => fake?.close());

describe('GitHub request metrics', () => {
  it('counts ok, not found, rate limited and time-outs, and keeps x-ratelimit-remaining from the last answer', async () => {
    fake = await startFakeGithub();
    const metrics = createMemoryMetrics();
    const http = createGithubHttp({
      baseUrl: fake.url,
      token: 'ghp_test',
      timeoutMs: 200,
      searchesPerMinute: 600_000,
      log: createSilentLogger(),
      retryAfterBaseMs: 1,
      metrics,
    });
    const repo = (path: string) => (r: { path: string }) => r.path === path;
    fake.respond(repo('/repos/a/ok'), { status: 200, headers: { 'x-ratelimit-remaining': '4321' }, body: { id: 1 } });
    fake.respond(repo('/repos/a/gone'), {
      status: 404,
      headers: { 'x-ratelimit-remaining': '4320' },
      body: { message: 'Not Found' },
    });
    fake.respond(repo('/repos/a/slow'), { status: 200, body: {}, delayMs: 1000 });
    fake.respond(repo('/repos/a/limited'), {
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1' },
      body: { message: 'API rate limit exceeded' },
    });

    await http.get('GET /repos/{owner}/{repo}', { owner: 'a', repo: 'ok' }, { interactive: true });
    expect(metrics.gauges.get('github_rate_limit_remaining')).toBe(4321);
    await expect(
      http.get('GET /repos/{owner}/{repo}', { owner: 'a', repo: 'gone' }, { interactive: true }),
    ).rejects.toThrow();
    expect(metrics.gauges.get('github_rate_limit_remaining')).toBe(4320);
    await expect(
      http.get('GET /repos/{owner}/{repo}', { owner: 'a', repo: 'slow' }, { interactive: true }),
    ).rejects.toThrow();
    await expect(
      http.get('GET /repos/{owner}/{repo}', { owner: 'a', repo: 'limited' }, { interactive: true }),
    ).rejects.toThrow();

    expect(metrics.counts.get('github_requests{ok}')).toBe(1);
    expect(metrics.counts.get('github_requests{error}')).toBe(1);
    expect(metrics.counts.get('github_requests{timeout}')).toBe(1);
    expect(metrics.counts.get('github_requests{rate_limited}')).toBeGreaterThanOrEqual(1);
    expect(metrics.gauges.get('github_rate_limit_remaining')).toBe(0);
  });
});

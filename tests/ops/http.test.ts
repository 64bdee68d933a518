// /healthz, /readyz and /metrics as a probe and a scraper see them: readiness follows the database, platforms and index.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { boot, type Booted } from '../../src/boot.js';
import { capabilities } from '../../src/capabilities/index.js';
import { createBot } from '../../src/wiring/bot.js';
import type { InboundEvent } from '../../src/core/types.js';
import { createOps, indexAge, instrumentDispatch, watchBooted, watchPlatforms } from '../../src/http/ops.js';
import { listenOps, type OpsServer } from '../../src/http/server.js';
import { startFakeGithub, type FakeGithub } from '../github/fake-github.js';

const TOKEN = 'a-metrics-token-of-some-length';

describe('operations endpoints', () => {
  let dir: string;
  let fake: FakeGithub;
  let booted: Booted;
  let server: OpsServer;
  let ops: ReturnType<typeof createOps>;
  const get = (p: string, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${server.port}${p}`, { headers });

  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-ops-'));
    fake = await startFakeGithub();
    fake.issues.push({
      owner: 'kubernetes',
      repo: 'website',
      number: 7,
      title: 'Fix a typo',
      labels: ['good first issue', 'sig/docs'],
      state: 'open',
      assignees: [],
      linkedPr: false,
      isPull: false,
      createdAt: '2026-11-01T00:00:00Z',
      updatedAt: '2026-11-02T00:00:00Z',
      timeline: [],
    });
    booted = await boot(
      {
        DATABASE_URL: `sqlite:${path.join(dir, 'bot.db')}`,
        ISSUES_SOURCE: 'github',
        GITHUB_API_URL: fake.url,
        GITHUB_TOKEN: 'ghp_test',
        LOG_LEVEL: 'silent',
      },
      { logLevel: 'silent' },
    );
    ops = createOps({ metricsToken: TOKEN, indexAgeSeconds: indexAge(booted) });
    server = await listenOps(ops.handler, 0, '127.0.0.1');
  });
  afterEach(async () => {
    await server.close();
    await booted.close().catch(() => {});
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers /healthz at once, and /readyz 503 naming what is missing until the service is booted', async () => {
    expect((await get('/healthz')).status).toBe(200);
    const early = await get('/readyz');
    expect(early.status).toBe(503);
    expect(await early.json()).toEqual({ ready: false, notReady: ['database', 'content', 'issue-index'] });
  });

  it('turns ready only after the issue index is filled once, and every platform is connected', async () => {
    watchBooted(ops.readiness, booted);
    let slackUp = false;
    const platforms = watchPlatforms(ops.readiness, [{ platform: 'slack', ready: () => slackUp }]);
    expect(await (await get('/readyz')).json()).toEqual({ ready: false, notReady: ['issue-index', 'platform:slack'] });

    await booted.githubSide.refresh();
    expect(await (await get('/readyz')).json()).toEqual({ ready: false, notReady: ['platform:slack'] });
    platforms.started('slack');
    expect((await get('/readyz')).status).toBe(503); // started, but its socket is not up yet
    slackUp = true;
    const ready = await get('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true });
  });

  it('says the database is not ready when it stops answering', async () => {
    watchBooted(ops.readiness, booted);
    await booted.githubSide.refresh();
    expect((await get('/readyz')).status).toBe(200);
    await booted.close();
    const res = await get('/readyz');
    expect(res.status).toBe(503);
    expect(((await res.json()) as { notReady: string[] }).notReady).toContain('database');
  });

  it('serves /metrics only with the bearer token, with the counters and no user id or text in any label', async () => {
    expect((await get('/metrics')).status).toBe(401);
    expect((await get('/metrics', { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await get('/metrics', { authorization: TOKEN })).status).toBe(401);

    const bot = createBot(booted.deps, capabilities);
    const dispatch = instrumentDispatch(bot.dispatch, ops.metrics, capabilities);
    const origin = {
      platform: 'slack' as const,
      workspaceId: 'T1',
      channelId: 'D1',
      userId: 'U0SECRETUSER',
      userName: 'ada',
      isDirect: true,
    };
    const events: InboundEvent[] = [
      { kind: 'command', id: 'e1', origin, name: 'help', args: '' },
      { kind: 'message', id: 'e2', origin, text: 'how do I contribute? my-private-words', mentioned: false },
    ];
    for (const e of events) expect((await dispatch(e)).length).toBeGreaterThan(0);
    ops.metrics.githubRequest('ok');
    ops.metrics.delivery('digest', 'sent');
    ops.metrics.jobRun('weekly-digest', 'done');
    ops.metrics.dropped('slack', 'past_deadline');
    ops.metrics.event('slack', 'U0SECRETUSER said hi'); // a caller's mistake must not leak into a label
    await booted.githubSide.refresh();

    const res = await get('/metrics', { authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const body = await res.text();
    expect(body).toContain('onramp_events_total{platform="slack",kind="command"} 1');
    expect(body).toContain('onramp_events_total{platform="slack",kind="message"} 1');
    expect(body).toContain('onramp_events_total{platform="slack",kind="other"} 1');
    expect(body).toContain('onramp_replies_total{platform="slack",capability="help"} 1');
    expect(body).toContain('onramp_replies_total{platform="slack",capability="conversation"} 1');
    expect(body).toMatch(/onramp_reply_seconds_count\{platform="slack"\} 2/);
    expect(body).toContain('onramp_github_requests_total{outcome="ok"} 1');
    expect(body).toContain('onramp_deliveries_total{kind="digest",outcome="sent"} 1');
    expect(body).toContain('onramp_job_runs_total{job="weekly-digest",outcome="done"} 1');
    expect(body).toContain('onramp_dropped_total{platform="slack",reason="past_deadline"} 1');
    expect(body).toMatch(/^onramp_issue_index_age_seconds \d/m);
    expect(body).toContain('process_resident_memory_bytes');
    expect(body).not.toMatch(/U0SECRETUSER|private-words|ada/);
  });

  it('leaves other paths to the caller (Slack receiver) and refuses writes to its own', async () => {
    expect((await get('/slack/events')).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${server.port}/readyz`, { method: 'POST' })).status).toBe(405);
  });
});

// Digest benches: building 5,000 subscribers' digests, and delivering them against rate-limited fakes.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadContent } from '../src/content/load.js';
import { loadConfig } from '../src/config/load.js';
import { createTranslator } from '../src/core/i18n.js';
import { createDigestBuilder } from '../src/digest/build.js';
import { channelTargets, dmTargets } from '../src/digest/destinations.js';
import { trustIndex } from '../src/digest/freshness.js';
import type { DigestIssueSource } from '../src/digest/issue-source.js';
import { rankBySig } from '../src/digest/select.js';
import { weeklyDigest } from '../src/jobs/weekly-digest.js';
import { openDatabase } from '../src/store/database.js';
import { createStore } from '../src/store/store.js';
import { createMemoryStore } from '../tests/fakes/memory-store.js';
import { createVirtualClock } from '../tests/fakes/virtual-clock.js';
import { testDeps } from '../tests/helpers/deps.js';
import { round, type Bench } from './bench.js';
import { createRateLimitedPlatforms, LIMITS } from './digest-platform.js';
import { buildWorld, narrow, random } from './digest-world.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const SIZE = { sigs: 24, issues: 2000, subscribers: 5000 };
const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);

async function setting() {
  const content = narrow(await loadContent({ dir: 'content' }), SIZE.sigs);
  const result = loadConfig({ DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'silent' });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return { content, config: result.config, translator: createTranslator(content.locales) };
}

export const digestBuild: Bench = {
  name: `digest build (${SIZE.subscribers} subscribers, ${SIZE.sigs} SIGs, ${SIZE.issues} issues)`,
  async run() {
    const { content, config, translator } = await setting();
    const world = buildWorld(content, {
      issues: SIZE.issues,
      subscribers: SIZE.subscribers,
      now: NOW,
      platforms: ['slack', 'discord'],
    });

    // Reading the subscribers from the store: opt-ins joined with languages and subscriptions, on SQLite.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-bench-digest-'));
    const database = await openDatabase(`sqlite:${path.join(dir, 'bench.db')}`);
    const store = createStore(database);
    await database.db.transaction().execute(async (trx) => {
      const at = NOW.toISOString();
      for (const r of world.recipients) {
        const key = { platform: r.platform, workspace_id: r.workspaceId, user_id: r.userId };
        await trx
          .insertInto('digest_dm_optins')
          .values({ ...key, created_at: at })
          .execute();
        if (r.locale)
          await trx
            .insertInto('users')
            .values({ ...key, locale: r.locale, created_at: at, updated_at: at })
            .execute();
        for (const sig of r.sigIds)
          await trx
            .insertInto('subscriptions')
            .values({ ...key, sig_id: sig, created_at: at })
            .execute();
      }
    });
    const readStart = process.hrtime.bigint();
    const recipients = await store.digests.dmRecipients();
    const readMs = Number(process.hrtime.bigint() - readStart) / 1e6;
    await database.close();
    rmSync(dir, { recursive: true, force: true });

    const times: number[] = [];
    let messages = 0;
    let heapDelta = 0;
    for (let run = 0; run < 5; run++) {
      const heapBefore = process.memoryUsage().heapUsed;
      const start = process.hrtime.bigint();
      const targets = [
        ...channelTargets(content, ['slack', 'discord'], config.DEFAULT_LOCALE),
        ...dmTargets(recipients, content, ['slack', 'discord'], config.DEFAULT_LOCALE),
      ];
      const ranked = rankBySig(world.issues, content.community.github.labels, NOW);
      const build = createDigestBuilder({
        content,
        translator,
        ranked,
        cutoffs: world.cutoffs,
        asOf: NOW,
        freshness: trustIndex,
      });
      const replies = [];
      for (const target of targets) replies.push((await build(target)).reply);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      heapDelta = Math.max(heapDelta, process.memoryUsage().heapUsed - heapBefore);
      messages = replies.filter(Boolean).length;
    }
    times.sort((a, b) => a - b);
    return {
      destinations: SIZE.subscribers + 2 * SIZE.sigs,
      messages,
      read_subscribers_ms: round(readMs, 0),
      build_median_ms: round(times[2]!, 0),
      build_max_ms: round(times[4]!, 0),
      heap_growth_mb: mb(heapDelta),
      rss_mb: mb(process.memoryUsage().rss),
    };
  },
};

export const digestDelivery: Bench = {
  name: 'digest delivery against rate-limited fakes (virtual time)',
  async run() {
    const { content } = await setting();
    const world = buildWorld(content, {
      issues: SIZE.issues,
      subscribers: SIZE.subscribers,
      now: NOW,
      platforms: ['slack', 'discord'],
    });
    const store = createMemoryStore();
    for (const r of world.recipients) {
      await store.digests.setDm(r, true, NOW);
      if (r.locale) await store.users.setLocale(r, r.locale, NOW);
      for (const sig of r.sigIds) await store.subscriptions.add(r, sig, NOW);
    }
    const deps = await testDeps({ content, store, now: () => NOW });
    const clock = createVirtualClock(NOW);
    const platforms = createRateLimitedPlatforms(clock, random(11));
    const issues: DigestIssueSource = {
      claimable: async () => world.issues,
      recheck: async (list) => new Map(list.map((i) => [i.key, 'claimable' as const])),
    };
    const wallStart = process.hrtime.bigint();
    const report = await weeklyDigest(deps, { issues, post: platforms.post, clock, platforms: ['slack', 'discord'] });
    const wallMs = Number(process.hrtime.bigint() - wallStart) / 1e6;
    const figures: Record<string, number | string> = {
      status: report.status,
      sent: report.ran.sent,
      failed: report.ran.failed,
    };
    for (const [platform, s] of platforms.stats) {
      const seconds = (s.lastAt - s.firstAt) / 1000;
      // Messages started per second while sending, against what the fake allows for DMs (nearly all of them).
      const allowed = LIMITS[platform]!.globalPerSecond / LIMITS[platform]!.dmCost;
      const achieved = (s.delivered - 1) / seconds;
      figures[`${platform}_msgs`] = s.delivered;
      figures[`${platform}_rate_per_s`] = round(achieved, 2);
      figures[`${platform}_allowed_per_s`] = round(allowed, 2);
      figures[`${platform}_fraction`] = round(achieved / allowed, 3);
      figures[`${platform}_429s`] = s.rejected;
    }
    figures.wall_ms = round(wallMs, 0);
    return figures;
  },
};

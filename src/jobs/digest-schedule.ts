// Wires the weekly digest to a booted bot: the index as issue source, the configured platforms, the cron.
import type { Booted } from '../boot.js';
import type { Platform } from '../core/types.js';
import type { Post } from '../digest/deliver.js';
import { configuredPlatforms } from '../digest/destinations.js';
import { createIndexIssueSource } from '../digest/index-source.js';
import { systemClock } from '../digest/pacing.js';
import type { ScheduledJob } from './schedule.js';
import { weeklyDigest, type DigestJob } from './weekly-digest.js';

export function digestJob(booted: Booted, post: Post, reachable?: readonly Platform[]): DigestJob {
  const { deps, githubSide } = booted;
  return {
    issues: createIndexIssueSource(deps.issues, deps.github, {
      log: deps.log,
      refresh: () => githubSide.refresh({ ifDue: true }),
    }),
    post,
    clock: systemClock,
    platforms: configuredPlatforms(deps.config),
    ...(reachable ? { reachable } : {}),
  };
}

/** DIGEST_CRON in DIGEST_TIMEZONE; every tick after the week's first only finishes what that one left. */
export function digestSchedule(booted: Booted, post: Post): ScheduledJob {
  const { config } = booted.deps;
  return {
    name: 'weekly-digest',
    cron: config.DIGEST_CRON,
    timezone: config.DIGEST_TIMEZONE,
    run: () => weeklyDigest(booted.deps, digestJob(booted, post)),
  };
}

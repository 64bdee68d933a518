// Wires the starter post to a booted bot: the index as issue source, the configured platforms, its cron from content.
import type { Booted } from '../boot.js';
import type { Platform } from '../core/types.js';
import type { Post } from '../digest/deliver.js';
import { configuredPlatforms } from '../digest/destinations.js';
import { createIndexIssueSource } from '../digest/index-source.js';
import { systemClock } from '../digest/pacing.js';
import { isValidCron, type ScheduledJob } from './schedule.js';
import { starterPost, starterSettings, type StarterJob } from './starter-post.js';

export function starterJob(booted: Booted, post: Post, reachable?: readonly Platform[]): StarterJob {
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

/** No job at all when content leaves the post off; a cron content got wrong stops the start, as a bad DIGEST_CRON does. */
export function starterSchedule(booted: Booted, post: Post): ScheduledJob[] {
  const settings = starterSettings(booted.deps.content);
  if (!settings) return [];
  if (!isValidCron(settings.cron))
    throw new Error(`community.yaml starterPost.cron is not a valid cron expression: ${settings.cron}`);
  const timezone = booted.deps.config.DIGEST_TIMEZONE;
  return [
    {
      name: 'starter-post',
      cron: settings.cron,
      timezone,
      run: () => starterPost(booted.deps, starterJob(booted, post)),
    },
  ];
}

// Schedules the starter post on a booted bot: the digest's job wiring, its cron from content.
import type { Booted } from '../boot.js';
import type { Post } from '../digest/deliver.js';
import { digestJob } from './digest-schedule.js';
import { isValidCron, type ScheduledJob } from './schedule.js';
import { starterPost, starterSettings } from './starter-post.js';

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
      run: () => starterPost(booted.deps, digestJob(booted, post)),
    },
  ];
}

// Wires the issue jobs to a booted bot: the index refresh (with claim progress and waitlists) and the daily follow-ups.
import type { Booted } from '../boot.js';
import type { Post } from '../digest/deliver.js';
import type { Claim } from '../store/claims.js';
import { claimFollowUps, notifyWaitlists, tellTaken, type FollowUpDeps } from './claim-follow-ups.js';
import { journeyFunnel } from './journey-funnel.js';
import { claimChecksPerRefresh, refreshIssues } from './refresh-issues.js';
import type { ScheduledJob } from './schedule.js';

/**
 * The refresh ticks every five minutes but asks GitHub only when ISSUES_REFRESH_MINUTES have passed since
 * the last complete refresh (by any replica, as the store records it), so a restart never refreshes twice.
 * Both jobs take a job lock (see store/job-locks.ts): on every replica the cron fires, one does the work.
 */
const REFRESH_TICK = '*/5 * * * *';
/** Daily, mid-morning in Europe and early in the Americas: a nudge is a message people read in the day. */
const FOLLOW_UP_CRON = '0 10 * * *';

export function issueJobs(booted: Booted, post: Post): ScheduledJob[] {
  const { deps, githubSide } = booted;
  const followUps: FollowUpDeps = { ...deps, post, journeyEvents: journeyFunnel(deps.store.funnel, deps.log) };
  const refresh = {
    refresh: githubSide.refresh,
    issues: deps.issues,
    github: deps.github,
    store: deps.store,
    log: deps.log,
    now: deps.now,
    claimChecks: claimChecksPerRefresh(Boolean(deps.config.GITHUB_TOKEN)),
    tellTaken: (claim: Claim) => tellTaken(followUps, claim),
  };
  // At start: refresh now if the cache is stale, in the background (chat never waits for it).
  deps.issues.refreshIfStale();
  return [
    {
      name: 'issues-refresh',
      cron: REFRESH_TICK,
      timezone: 'UTC',
      run: async () => {
        await refreshIssues(refresh);
        await notifyWaitlists(followUps); // someone gave up in chat: the next in line hears within minutes
      },
    },
    { name: 'claim-follow-ups', cron: FOLLOW_UP_CRON, timezone: 'UTC', run: () => claimFollowUps(followUps) },
  ];
}

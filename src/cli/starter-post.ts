// `starter-post --dry-run` prints this week's starter post per newcomer channel; `--send` posts it now.
import type { Booted } from '../boot.js';
import { replyToPlain, stripControl } from '../core/plain.js';
import type { Platform } from '../core/types.js';
import { configuredPlatforms } from '../digest/destinations.js';
import { createIndexIssueSource } from '../digest/index-source.js';
import { systemClock } from '../digest/pacing.js';
import { digestJob } from '../jobs/digest-schedule.js';
import { previewStarterPost, starterPost } from '../jobs/starter-post.js';
import { describeHolder } from '../store/job-locks.js';
import type { CliCommand, CliIo } from './command.js';
import { sendFromCli } from './digest-push.js';
import { previewOrSend } from './preview-or-send.js';

const NAMES: Record<string, string> = { slack: 'Slack', discord: 'Discord' };

async function dryRun(booted: Booted, io: CliIo): Promise<number> {
  const { deps } = booted;
  const configured = configuredPlatforms(deps.config);
  const platforms: Platform[] = configured.length > 0 ? configured : ['slack', 'discord'];
  const issues = createIndexIssueSource(deps.issues, deps.github, { log: deps.log });
  const { period, enabled, entries } = await previewStarterPost(deps, { issues, clock: systemClock, platforms });
  io.out(
    `Starter post ${period} (DIGEST_TIMEZONE=${deps.config.DIGEST_TIMEZONE}): a preview, nothing is sent or recorded.`,
  );
  if (!enabled) io.out('It is off: set `starterPost: { enabled: true }` in community.yaml to post it every week.');
  if (configured.length === 0)
    io.out('No chat platform is configured: showing what the newcomer channels in the content would get.');
  for (const e of entries) {
    const d = e.target.destination;
    const name =
      d.kind === 'channel' ? `${NAMES[d.platform] ?? d.platform} #${d.channelId} (${e.target.locale})` : e.target.key;
    io.out('');
    io.out(`== ${name}: ${e.reply ? 'would get:' : `already ${e.recorded} this week`}`);
    if (e.reply) io.out(stripControl(replyToPlain(e.reply)));
  }
  io.out('');
  io.out(`${entries.length} newcomer channels.`);
  return 0;
}

async function send(booted: Booted, io: CliIo): Promise<number> {
  const { deps } = booted;
  return sendFromCli(booted, io, 'starter-post --send', async (push) => {
    const report = await starterPost(deps, digestJob(booted, push.post, push.reachable));
    if (report.status === 'off') {
      io.err('The starter post is off in community.yaml (starterPost.enabled); nothing was sent.');
      return 1;
    }
    if (report.status === 'busy') {
      io.err(
        `Another runner is posting the ${report.period} starter post (${describeHolder(report.holder)}); nothing was sent from here.`,
      );
      return 1;
    }
    const l = report.ledger;
    io.out(
      `Starter post ${report.period}: ${report.status}; this run sent ${report.ran.sent}. This week so far: ${l.sent ?? 0} sent, ${l.failed ?? 0} failed, ${l.uncertain ?? 0} in doubt.`,
    );
    return report.ran.failed + report.ran.uncertain > 0 ? 1 : 0;
  });
}

export const starterPostCommand: CliCommand = previewOrSend({
  name: 'starter-post',
  summary: "print this week's starter post for each newcomer channel, or post it now",
  dryRun,
  send,
});

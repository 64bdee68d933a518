// `digest --dry-run` prints what each destination would get this week; `digest --send` sends it now.
import type { Booted } from '../boot.js';
import { replyToPlain, stripControl } from '../core/plain.js';
import type { Platform } from '../core/types.js';
import { configuredPlatforms, type DigestTarget } from '../digest/destinations.js';
import { createIndexIssueSource } from '../digest/index-source.js';
import { systemClock } from '../digest/pacing.js';
import { digestJob } from '../jobs/digest-schedule.js';
import { previewDigest, weeklyDigest, type DigestReport, type PreviewEntry } from '../jobs/weekly-digest.js';
import { describeHolder } from '../store/job-locks.js';
import type { CliCommand, CliIo } from './command.js';
import { sendFromCli } from './digest-push.js';
import { previewOrSend } from './preview-or-send.js';

const NAMES: Record<string, string> = { slack: 'Slack', discord: 'Discord' };

function where(t: DigestTarget): string {
  const d = t.destination;
  const name = NAMES[d.platform] ?? d.platform;
  return d.kind === 'channel'
    ? `${name} #${d.channelId} (channel, ${t.locale})`
    : `${name} direct message to ${d.userId} in ${d.workspaceId} (${t.locale})`;
}

function standing(e: PreviewEntry): string {
  if (e.recorded === 'sent') return 'already sent this week';
  if (e.recorded === 'empty') return 'had nothing new this week';
  if (e.recorded === 'uncertain') return 'in doubt this week (a runner stopped while sending it); not sent again';
  if (e.recorded === 'cancelled') return 'cancelled this week';
  if (e.recorded === 'failed' && !e.reply) return 'failed too often this week; not tried again';
  if (!e.reply) return 'nothing new: no message';
  return 'would get:';
}

async function dryRun(booted: Booted, io: CliIo): Promise<number> {
  const { deps } = booted;
  const configured = configuredPlatforms(deps.config);
  // With no platform configured, show what the content's channels would get on each: that is what an operator is setting up.
  const platforms: Platform[] = configured.length > 0 ? configured : ['slack', 'discord'];
  const issues = createIndexIssueSource(deps.issues, deps.github, { log: deps.log });
  const status = await deps.issues.status();
  const { period, entries } = await previewDigest(deps, { issues, clock: systemClock, platforms });
  io.out(
    `Weekly digest ${period} (DIGEST_TIMEZONE=${deps.config.DIGEST_TIMEZONE}): a preview, nothing is sent or recorded.`,
  );
  io.out(
    `Issues: ${(await deps.issues.list()).length} claimable in the ${status.source === 'sample' ? 'bundled sample' : 'index'}` +
      `${status.refreshedAt ? `, refreshed ${status.refreshedAt.toISOString()}` : ', never fully refreshed'}; --send re-checks each listed issue with GitHub just before sending.`,
  );
  if (configured.length === 0)
    io.out('No chat platform is configured: showing what Slack and Discord would get from the content.');
  let would = 0;
  // Channels first, platform by platform, then people.
  const order = (e: PreviewEntry) =>
    `${e.target.destination.kind === 'channel' ? 0 : 1}${e.target.destination.platform}`;
  for (const e of [...entries].sort((a, b) => order(a).localeCompare(order(b)))) {
    const said = standing(e);
    io.out('');
    io.out(`== ${where(e.target)}: ${said}`);
    if (e.reply) {
      would += 1;
      // Titles come from GitHub: nothing in them may drive the operator's terminal.
      io.out(stripControl(replyToPlain(e.reply)));
    }
  }
  io.out('');
  io.out(`${entries.length} destinations: ${would} would get a digest now, ${entries.length - would} would not.`);
  return 0;
}

function summary(report: DigestReport): string {
  const l = report.ledger;
  const parts = [`${l.sent ?? 0} sent`, `${l.empty ?? 0} had nothing new`];
  if (l.failed) parts.push(`${l.failed} failed (the next run this week tries again)`);
  if (l.pending) parts.push(`${l.pending} waiting`);
  if (l.uncertain) parts.push(`${l.uncertain} in doubt after an interrupted run (not sent again)`);
  if (l.cancelled) parts.push(`${l.cancelled} cancelled`);
  return `Weekly digest ${report.period}: ${report.status}; this run sent ${report.ran.sent}. This week so far: ${parts.join(', ')}.`;
}

async function send(booted: Booted, io: CliIo): Promise<number> {
  const { deps } = booted;
  return sendFromCli(
    booted,
    io,
    'digest --send',
    async (push) => {
      const report = await weeklyDigest(deps, digestJob(booted, push.post, push.reachable));
      if (report.status === 'busy') {
        io.err(
          `Another runner is sending the ${report.period} digest right now (${describeHolder(report.holder)}); nothing was sent from here. Run this again once it is done.`,
        );
        return 1;
      }
      io.out(summary(report));
      if (report.ran.uncertain > 0)
        io.err(
          `${report.ran.uncertain} post(s) may or may not have arrived (the connection broke after sending); they are not sent again this week.`,
        );
      return report.ran.failed + report.ran.uncertain > 0 ? 1 : 0;
    },
    '`npm run cli -- digest --dry-run` shows what each destination would get.',
  );
}

export const digestCommand: CliCommand = previewOrSend({
  name: 'digest',
  summary: "print what each destination would get this week, or send this week's digest now",
  dryRun,
  send,
});

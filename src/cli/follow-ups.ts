// `follow-ups --now`: runs the daily follow-up job once (pull requests, nudges, reminders, releases,
// congratulations, mentor time-outs), posting through the platforms' outboxes like `digest --send`.
import { boot } from '../boot.js';
import { claimFollowUps, type FollowUpReport } from '../jobs/claim-follow-ups.js';
import { journeyFunnel } from '../jobs/journey-funnel.js';
import { parseFlags, type CliCommand } from './command.js';
import { sendFromCli } from './digest-push.js';

export function followUpSummary(r: FollowUpReport): string {
  if (r.busy) return 'Follow-ups: another runner is doing them right now; nothing was sent from here.';
  return (
    `Follow-ups: ${r.prOpened} pull request(s) noticed, ${r.nudged} nudge(s), ${r.merged} merge(s) celebrated, ` +
    `${r.reminded} reminder(s), ${r.released} release(s), ${r.notified} waitlist notice(s), ${r.mentorsAsked} mentor(s) asked, ` +
    `${r.volunteerCalls} call(s) for volunteers, ${r.failed} failed (the next run tries again).`
  );
}

export const followUpsCommand: CliCommand = {
  name: 'follow-ups',
  usage: 'follow-ups --now',
  summary: 'run the claim follow-ups once now (messages already sent are never sent again)',
  async run(args, io) {
    const { switches, problems } = parseFlags(args, { switches: ['now'] });
    if (problems.length > 0 || !switches.has('now')) {
      for (const p of problems) io.err(p);
      io.err('usage: npm run cli -- follow-ups --now');
      return 2;
    }
    const booted = await boot(io.env, { logFd: 2, logLevel: io.env.LOG_LEVEL || 'warn' });
    try {
      const { deps } = booted;
      return await sendFromCli(booted, io, 'follow-ups --now', async (push) => {
        const report = await claimFollowUps({
          ...deps,
          post: push.post,
          journeyEvents: journeyFunnel(deps.store.funnel, deps.log),
        });
        io.out(followUpSummary(report));
        return report.busy ? 1 : report.failed > 0 ? 1 : 0;
      });
    } finally {
      await booted.close();
    }
  },
};

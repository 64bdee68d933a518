// The weekly lead note: each opted-in group lead gets their group's picture by direct message, once per period.
import type { Content } from '../content/types.js';
import type { Translator } from '../core/i18n.js';
import { toLocale } from '../core/i18n.js';
import type { Log } from '../core/ports.js';
import { safePost, type Post } from '../digest/deliver.js';
import { userDestination } from '../digest/destinations.js';
import { periodKey } from '../digest/period.js';
import { groupPictures, type LeadSources } from '../report/lead-picture.js';
import { leadBlocks } from '../report/lead-view.js';
import type { Booted } from '../boot.js';
import type { Store } from '../store/store.js';
import type { ScheduledJob } from './schedule.js';

export interface LeadNoteDeps {
  store: Pick<Store, 'leadNotes' | 'digests' | 'jobLocks'>;
  sources: LeadSources;
  content: Content;
  translator: Translator;
  config: { DIGEST_TIMEZONE: string; DEFAULT_LOCALE: string };
  post: Post;
  log: Log;
  now: () => Date;
}

export interface LeadNoteReport {
  period: string;
  sent: number;
  failed: number;
  /** Already sent (or in doubt) this period: never sent twice. */
  skipped: number;
  busy?: boolean;
}

const LOCK = 'lead-notes';

/** The ledger rows of lead notes live beside the digest's, under their own period keys. */
export const leadPeriod = (at: Date, timeZone: string) => `lead-note:${periodKey(at, timeZone)}`;

export async function leadNotes(deps: LeadNoteDeps): Promise<LeadNoteReport> {
  const period = leadPeriod(deps.now(), deps.config.DIGEST_TIMEZONE);
  const result = await deps.store.jobLocks.withLock(LOCK, deps.now, () => send(deps, period));
  return result.locked ? result.value : { period, sent: 0, failed: 0, skipped: 0, busy: true };
}

async function send(deps: LeadNoteDeps, period: string): Promise<LeadNoteReport> {
  const report: LeadNoteReport = { period, sent: 0, failed: 0, skipped: 0 };
  // A group no longer in the content gets no note; its opt-ins stay until the lead changes them.
  const optIns = (await deps.store.leadNotes.all()).filter((o) => deps.content.sigById.has(o.group));
  if (optIns.length === 0) return report;
  const destination = (o: (typeof optIns)[number]) =>
    `lead:${o.user.platform}:${o.user.workspaceId}:${o.user.userId}:${o.group}`;
  await deps.store.digests.plan(
    period,
    optIns.map((o) => ({
      destination: destination(o),
      platform: o.user.platform,
      workspaceId: o.user.workspaceId,
      kind: 'user' as const,
      targetId: o.user.userId,
    })),
    deps.now(),
  );
  const rows = new Map((await deps.store.digests.deliveries(period)).map((r) => [r.destination, r]));
  const groups = [...new Set(optIns.map((o) => o.group))].map((id) => deps.content.sigById.get(id)!);
  const pictures = new Map((await groupPictures(groups, deps.sources, deps.now())).map((p) => [p.group.id, p]));
  for (const o of optIns) {
    const key = destination(o);
    const row = rows.get(key);
    if (
      !row ||
      !['pending', 'failed'].includes(row.status) ||
      !(await deps.store.digests.claim(period, key, deps.now()))
    ) {
      report.skipped += 1;
      continue;
    }
    const t = deps.translator.bind(toLocale(o.locale ?? undefined) ?? toLocale(deps.config.DEFAULT_LOCALE) ?? 'en', {
      platform: o.user.platform,
    });
    const result = await safePost(deps.post, userDestination(o.user), {
      blocks: leadBlocks(pictures.get(o.group)!, t),
    });
    if (result.ok) {
      await deps.store.digests.settle(
        period,
        key,
        ['sending'],
        { status: 'sent', messageId: result.messageId ?? null, error: null },
        deps.now(),
      );
      report.sent += 1;
    } else if (result.uncertain) {
      await deps.store.digests.settle(
        period,
        key,
        ['sending'],
        { status: 'uncertain', error: result.error },
        deps.now(),
      );
      report.skipped += 1;
    } else {
      await deps.store.digests.settle(
        period,
        key,
        ['sending'],
        { status: 'failed', error: result.error, failed: true },
        deps.now(),
      );
      deps.log.warn(
        { platform: o.user.platform, group: o.group, error: result.error },
        'lead note not delivered; the next run this period tries again',
      );
      report.failed += 1;
    }
  }
  return report;
}

/** Mondays at 09:00 in the digest's time zone; a later run the same week sends nothing twice. */
export function leadNotesJob(booted: Booted, post: Post, sources: LeadSources): ScheduledJob {
  const { deps } = booted;
  const run = () => leadNotes({ ...deps, sources, post });
  return { name: 'lead-notes', cron: '0 9 * * 1', timezone: deps.config.DIGEST_TIMEZONE, run };
}

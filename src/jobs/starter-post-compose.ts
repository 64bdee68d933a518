// Builds the weekly starter post: a welcome, a few free starter issues across groups, this week's meetings, "share it".
import { items, text } from '../core/blocks.js';
import type { Translate } from '../core/i18n.js';
import { escapeMarkup, safeUrl } from '../core/markup.js';
import type { Block, Locale, Reply } from '../core/types.js';
import { nextMeeting } from '../content/meetings.js';
import { nextOccurrence } from '../content/events.js';
import type { LocalizedText } from '../content/schema.js';
import { localized, type Content } from '../content/types.js';
import type { DigestIssue } from '../digest/issue-source.js';
import { refOf } from '../views/issue-ref.js';
import { issueLine } from '../views/issue-view.js';

/** A week ahead of the post: "this week's meetings". */
const WEEK_MS = 7 * 86_400_000;

export interface UpcomingMeeting {
  /** The group that meets; none for a community event. */
  sigId?: string;
  name: LocalizedText | string;
  at: Date;
  timeZone: string;
  /** False for biweekly and monthly schedules: the date is the next matching weekday, not a promise. */
  certain: boolean;
  url?: string;
}

/** The meetings of the welcoming groups that fall within the week after `now`, soonest first. */
export function meetingsThisWeek(content: Content, sigIds: readonly string[], now: Date): UpcomingMeeting[] {
  const out: UpcomingMeeting[] = [];
  for (const sigId of sigIds) {
    const sig = content.sigById.get(sigId);
    for (const meeting of sig?.meetings ?? []) {
      const next = nextMeeting(meeting, now);
      if (!next || next.at.getTime() - now.getTime() > WEEK_MS) continue;
      out.push({
        sigId,
        name: meeting.description,
        at: next.at,
        timeZone: meeting.timezone,
        certain: next.certain,
        ...(meeting.url ? { url: meeting.url } : {}),
      });
    }
  }
  // Community events (an orientation) are for newcomers by nature: all of them, when they fall this week.
  for (const event of content.community.events) {
    const at = nextOccurrence(event, now, 8);
    if (!at || at.getTime() - now.getTime() > WEEK_MS) continue;
    out.push({
      name: event.name,
      at,
      timeZone: event.timezone,
      certain: true,
      ...(event.url ? { url: event.url } : {}),
    });
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** A channel has no single reader: the meeting's own zone is the one its group announces it in. */
export function meetingWhen(at: Date, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(at);
}

export interface StarterMessage {
  issues: DigestIssue[];
  meetings: UpcomingMeeting[];
  locale: Locale;
}

export function composeStarterPost(content: Content, message: StarterMessage, t: Translate): Reply {
  const sigName = (id: string) => content.sigById.get(id)?.name ?? id;
  const blocks: Block[] = [text(t('starter.welcome', { community: escapeMarkup(content.community.name) }))];
  if (message.issues.length > 0) {
    blocks.push(text(t('starter.issues_title')));
    blocks.push(
      items(
        message.issues.map((issue) => {
          const group = issue.sigIds.map(sigName)[0];
          const parts = [
            `\`${escapeMarkup(refOf(issue))}\``,
            group ? escapeMarkup(group) : '',
            issue.language ? escapeMarkup(issue.language) : '',
          ];
          return issueLine(issue, parts, t('digest.claim_button'));
        }),
      ),
    );
  } else {
    blocks.push(text(t('starter.no_issues')));
  }
  if (message.meetings.length > 0) {
    const lines = message.meetings.map((m) => {
      const url = m.url ? safeUrl(m.url) : null;
      const group = m.sigId ? sigName(m.sigId) : content.community.name;
      const name = typeof m.name === 'string' ? m.name : localized(m.name, message.locale);
      const params = {
        group: escapeMarkup(group),
        name: escapeMarkup(name),
        when: meetingWhen(m.at, m.timeZone, message.locale),
      };
      const line = `• ${t(m.certain ? 'starter.meeting' : 'starter.meeting_possible', params)}`;
      return url ? `${line} · [${escapeMarkup(t('starter.join'))}](${url})` : line;
    });
    blocks.push(text(`${t('starter.meetings_title')}\n${lines.join('\n')}`));
  }
  blocks.push(text(t('starter.share')));
  return { blocks, locale: message.locale };
}

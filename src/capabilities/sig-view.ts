// How a SIG is shown to a person: description, where to talk, who leads, when it meets.
import type { Ctx as AnyCtx } from '../core/capability.js';
import type { Catalogue } from './ports.js';

type Ctx = AnyCtx<Catalogue>;
import { nextMeeting } from '../content/meetings.js';
import { localized, type Sig } from '../content/types.js';
import { escapeMarkup } from '../core/markup.js';
import type { Field } from '../core/types.js';
import { sigChannel } from '../content/channels.js';

function formatDate(at: Date, ctx: Ctx): string {
  return new Intl.DateTimeFormat(ctx.locale === 'fr' ? 'fr-FR' : 'en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(at);
}

export function meetingLine(sig: Sig, ctx: Ctx): string | undefined {
  const meeting = sig.meetings[0];
  if (!meeting) return undefined;
  const next = nextMeeting(meeting, ctx.now());
  // Imported schedules are free text: translate the words we know and keep the rest as written.
  const word = (prefix: string, value: string) =>
    ctx.translator.has(ctx.locale, `${prefix}.${value}`) ? ctx.t(`${prefix}.${value}`) : value;
  const schedule = ctx.t('sig.meeting_schedule', {
    name: meeting.description,
    day: word('day', meeting.day),
    time: meeting.time,
    zone: meeting.timezone,
    frequency: word('frequency', meeting.frequency),
  });
  if (!next) return schedule;
  const when = formatDate(next.at, ctx);
  return `${schedule}\n${ctx.t(next.certain ? 'sig.meeting_next' : 'sig.meeting_next_possible', { when })}`;
}

export function sigFields(sig: Sig, ctx: Ctx): Field[] {
  const out: Field[] = [];
  const channel = sigChannel(sig, ctx.event.origin.platform);
  if (channel) out.push({ label: ctx.t('sig.field_channel'), value: `#${escapeMarkup(channel)}` });
  if (sig.leads.length > 0)
    out.push({
      label: ctx.t('sig.field_leads'),
      value: sig.leads.map((l) => `${escapeMarkup(l.name)} (${escapeMarkup(l.github)})`).join(', '),
    });
  const meeting = meetingLine(sig, ctx);
  if (meeting) out.push({ label: ctx.t('sig.field_meeting'), value: meeting });
  return out;
}

export function sigTitle(sig: Sig, ctx: Ctx): string {
  const kind = ctx.t(`sig.kind_${sig.kind}`);
  return `**${escapeMarkup(sig.name)}** (${escapeMarkup(sig.id)}, ${kind})`;
}

export function sigSummary(sig: Sig, ctx: Ctx): string {
  return escapeMarkup(localized(sig.description, ctx.locale));
}

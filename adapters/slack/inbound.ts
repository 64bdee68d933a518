// Slack payloads → neutral events: slash commands, block actions, mentions, DMs, channel messages, joins, App Home.
import type { InboundEvent, Origin } from '../../src/core/index.js';
import { neutralActionId } from './render.js';

/** What a cheap lookup (users.info, conversations.info) could tell about the person and the place. */
export interface Known {
  userName?: string;
  locale?: string;
  channelName?: string;
}

/** Slack message markup back to what the person typed: mentions, channels and links as words. */
export function fromSlackText(text: string, botUserId?: string): string {
  return text
    .replace(/<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g, (_, id: string, name?: string) =>
      id === botUserId ? '' : `@${name || id}`,
    )
    .replace(/<#([CG][A-Z0-9]+)(?:\|([^>]*))?>/g, (_, id: string, name?: string) => `#${name || id}`)
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_, name?: string) => name || '@group')
    .replace(/<!date\^[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<((?:https?|mailto):[^|>\s]+)(?:\|([^>]*))?>/g, (_, url: string, label?: string) =>
      label && !url.includes(label) ? `${label} ${url}` : url,
    )
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

/**
 * Completes an event's origin with what a lookup found, once the core decided to answer it: the event is
 * built once from the payload, and only the events answered pay for the lookup.
 */
export function complete(origin: Origin, known: Known): void {
  if (known.userName) origin.userName = known.userName;
  if (known.locale) origin.locale = known.locale;
  if (known.channelName && !origin.channelName) origin.channelName = known.channelName;
}

const isDmChannel = (id: string | undefined) => id?.startsWith('D') ?? false;

function origin(base: Omit<Origin, 'platform' | 'userName' | 'locale'> & { userName?: string }, known: Known): Origin {
  return {
    platform: 'slack',
    ...base,
    userName: known.userName ?? base.userName ?? base.userId,
    ...(known.locale ? { locale: known.locale } : {}),
    ...(known.channelName && !base.channelName ? { channelName: known.channelName } : {}),
  };
}

export interface CommandPayload {
  command: string;
  text: string;
  user_id: string;
  user_name?: string;
  team_id: string;
  channel_id: string;
  channel_name?: string;
  trigger_id: string;
}

/** `names` maps a renamed command (`/k8s-sig`) to its capability (`sig`); others drop the slash. */
export function commandEvent(p: CommandPayload, names: ReadonlyMap<string, string>, known: Known = {}): InboundEvent {
  const direct = isDmChannel(p.channel_id) || p.channel_name === 'directmessage';
  const named =
    p.channel_name && !['directmessage', 'privategroup'].includes(p.channel_name)
      ? { channelName: p.channel_name }
      : {};
  return {
    kind: 'command',
    id: `cmd-${p.trigger_id}`,
    origin: origin(
      {
        workspaceId: p.team_id,
        channelId: p.channel_id,
        ...named,
        userId: p.user_id,
        userName: p.user_name,
        isDirect: direct,
      },
      known,
    ),
    name: names.get(p.command.toLowerCase()) ?? p.command.replace(/^\//, '').toLowerCase(),
    args: fromSlackText(p.text ?? ''),
  };
}

export interface ActionPayload {
  type: 'block_actions';
  trigger_id: string;
  team: { id: string } | null;
  user: { id: string; name?: string; username?: string; team_id?: string };
  channel?: { id: string; name?: string };
  container?: { type?: string; channel_id?: string; thread_ts?: string };
  message?: { ts: string; thread_ts?: string };
  actions: { action_id: string; type: string; value?: string; selected_option?: { value: string } | null }[];
}

/** The first action of a block_actions payload (Slack sends one per click), or null when it carries no value. */
export function actionEvent(p: ActionPayload, known: Known = {}): InboundEvent | null {
  const action = p.actions[0];
  const value = action?.selected_option?.value ?? action?.value;
  if (!action || value === undefined) return null;
  const channelId = p.channel?.id ?? p.container?.channel_id ?? '';
  const threadId = p.message?.thread_ts ?? p.container?.thread_ts;
  return {
    kind: 'action',
    id: `act-${p.trigger_id}`,
    origin: origin(
      {
        workspaceId: p.team?.id ?? p.user.team_id ?? '',
        channelId,
        ...(threadId ? { threadId } : {}),
        userId: p.user.id,
        userName: p.user.name ?? p.user.username,
        isDirect: isDmChannel(channelId) || p.container?.type === 'view',
      },
      known,
    ),
    actionId: neutralActionId(action.action_id),
    value,
  };
}

export interface MessagePayload {
  type: 'message' | 'app_mention';
  subtype?: string;
  text?: string;
  user?: string;
  bot_id?: string;
  channel: string;
  channel_type?: string;
  ts: string;
  thread_ts?: string;
  hidden?: boolean;
}

/** Subtypes that are still a person speaking; every other one (edits, joins, bots) is ignored. */
const SPOKEN = new Set([undefined, 'thread_broadcast', 'file_share']);

/**
 * Null when the bot must not react: bots (itself included), edits and other subtypes, empty text,
 * and channel messages that mention the bot, which arrive again as `app_mention`.
 */
export function messageEvent(
  p: MessagePayload,
  eventId: string,
  teamId: string,
  botUserId: string | undefined,
  known: Known = {},
): InboundEvent | null {
  if (p.bot_id || !p.user || p.user === botUserId || p.hidden || !SPOKEN.has(p.subtype)) return null;
  const direct = p.channel_type === 'im' || isDmChannel(p.channel);
  const mention = p.type === 'app_mention';
  if (mention && direct) return null; // the DM itself arrives as message.im
  if (!mention && !direct && botUserId && p.text?.includes(`<@${botUserId}`)) return null;
  const text = fromSlackText(p.text ?? '', botUserId);
  if (!text) return null;
  // In a channel the answer goes in the thread of the question; in a DM only if they wrote in one.
  const threadId = direct ? p.thread_ts : (p.thread_ts ?? p.ts);
  return {
    kind: 'message',
    id: eventId,
    origin: origin(
      {
        workspaceId: teamId,
        channelId: p.channel,
        ...(threadId ? { threadId } : {}),
        userId: p.user,
        isDirect: direct,
      },
      known,
    ),
    text,
    mentioned: mention,
  };
}

export function joinedEvent(
  p: { user: string; channel: string },
  eventId: string,
  teamId: string,
  known: Known = {},
): InboundEvent {
  return {
    kind: 'joined',
    id: eventId,
    origin: origin({ workspaceId: teamId, channelId: p.channel, userId: p.user, isDirect: false }, known),
  };
}

/** Only the Home tab: the same event also fires for the Messages tab. */
export function homeEvent(
  p: { user: string; channel?: string; tab?: string },
  eventId: string,
  teamId: string,
  known: Known = {},
): InboundEvent | null {
  if (p.tab !== 'home') return null;
  return {
    kind: 'home',
    id: eventId,
    origin: origin({ workspaceId: teamId, channelId: p.channel ?? '', userId: p.user, isDirect: true }, known),
  };
}

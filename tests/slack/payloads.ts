// Slack payloads as Slack sends them (shapes from recorded deliveries), and signed HTTP requests to send them.
import { createHmac, randomUUID } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const BOT_TOKEN = 'xoxb-000000000-111111111-SECRETBOTTOKEN';
export const APP_TOKEN = 'xapp-1-A0TEST-222-SECRETAPPTOKEN';
export const TEAM = 'T0TEST';
export const BOT_USER = 'U0BOT';

let n = 0;
const nextTs = () => `${1_764_000_000 + ++n}.${String(n).padStart(6, '0')}`;

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface Sent {
  status: number;
  body: string;
}

export interface SendOptions {
  /** Seconds since the epoch written in X-Slack-Request-Timestamp (now by default). */
  timestamp?: number;
  /** Replaces the computed signature; `null` sends no signature headers at all. */
  signature?: string | null;
  headers?: Record<string, string>;
}

export async function send(
  url: string,
  request: { body: string; type: string },
  options: SendOptions = {},
): Promise<Sent> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signed: Record<string, string> =
    options.signature === null
      ? {}
      : {
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': options.signature ?? sign(request.body, timestamp),
        };
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': request.type, ...signed, ...options.headers },
    body: request.body,
  });
  return { status: res.status, body: await res.text() };
}

export type SlackEvent = Record<string, unknown>;

/** An Events API delivery (HTTP body, or the payload of a Socket Mode `events_api` envelope). */
export function eventCallback(
  event: SlackEvent,
  eventId = `Ev${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`,
) {
  return {
    token: 'verification-token-unused',
    team_id: TEAM,
    api_app_id: 'A0TEST',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      { enterprise_id: null, team_id: TEAM, user_id: BOT_USER, is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
  };
}
export const asJson = (body: unknown) => ({ body: JSON.stringify(body), type: 'application/json' });

export function mention(text: string, o: { user?: string; channel?: string; thread_ts?: string } = {}): SlackEvent {
  const ts = nextTs();
  return {
    type: 'app_mention',
    user: o.user ?? 'U0ADA',
    text: `<@${BOT_USER}> ${text}`,
    ts,
    channel: o.channel ?? 'C0RANDOM1',
    event_ts: ts,
    client_msg_id: randomUUID(),
    ...(o.thread_ts ? { thread_ts: o.thread_ts } : {}),
  };
}

export function message(
  text: string,
  o: { user?: string; channel?: string; im?: boolean; subtype?: string; bot_id?: string } = {},
): SlackEvent {
  const ts = nextTs();
  const im = o.im ?? false;
  return {
    type: 'message',
    user: o.user ?? 'U0ADA',
    text,
    ts,
    channel: o.channel ?? (im ? 'D0ADA' : 'C0NEWBIE1'),
    channel_type: im ? 'im' : 'channel',
    event_ts: ts,
    client_msg_id: randomUUID(),
    ...(o.subtype ? { subtype: o.subtype } : {}),
    ...(o.bot_id ? { bot_id: o.bot_id } : {}),
  };
}

export const joined = (user: string, channel: string): SlackEvent => ({
  type: 'member_joined_channel',
  user,
  channel,
  channel_type: 'C',
  team: TEAM,
  inviter: 'U0INVITER',
  event_ts: nextTs(),
});

export const homeOpened = (user: string, tab = 'home'): SlackEvent => ({
  type: 'app_home_opened',
  user,
  channel: `D${user.slice(1)}`,
  tab,
  event_ts: nextTs(),
});

/** A slash command as Slack posts it: form-encoded fields. */
export function command(
  name: string,
  text: string,
  responseUrl: string,
  o: { user?: string; channel?: string; channel_name?: string } = {},
) {
  const fields = {
    token: 'verification-token-unused',
    team_id: TEAM,
    team_domain: 'onramp-test',
    channel_id: o.channel ?? 'C0RANDOM1',
    channel_name: o.channel_name ?? 'random',
    user_id: o.user ?? 'U0ADA',
    user_name: 'ada',
    command: name,
    text,
    api_app_id: 'A0TEST',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: `${++n}.${Date.now()}.${randomUUID().slice(0, 8)}`,
  };
  return fields;
}
export const asForm = (fields: Record<string, string>) => ({
  body: new URLSearchParams(fields).toString(),
  type: 'application/x-www-form-urlencoded',
});

/** A block_actions payload for a click on a button or a choice in a select, on a message or in App Home. */
export function blockAction(
  action: { action_id: string; value?: string; selected?: string },
  o: { user?: string; responseUrl?: string; channel?: string; home?: boolean } = {},
) {
  const user = o.user ?? 'U0ADA';
  const element =
    action.selected !== undefined
      ? {
          type: 'static_select',
          action_id: action.action_id,
          block_id: 'b1',
          selected_option: { text: { type: 'plain_text', text: action.selected, emoji: true }, value: action.selected },
          placeholder: { type: 'plain_text', text: 'Pick' },
          action_ts: nextTs(),
        }
      : {
          type: 'button',
          action_id: action.action_id,
          block_id: 'b1',
          text: { type: 'plain_text', text: 'Go', emoji: true },
          value: action.value,
          action_ts: nextTs(),
        };
  const where = o.home
    ? { container: { type: 'view', view_id: 'V0HOME' }, view: { id: 'V0HOME', type: 'home', blocks: [] } }
    : {
        container: { type: 'message', message_ts: nextTs(), channel_id: o.channel ?? 'C0RANDOM1', is_ephemeral: true },
        channel: { id: o.channel ?? 'C0RANDOM1', name: 'random' },
        response_url: o.responseUrl,
      };
  return {
    type: 'block_actions',
    user: { id: user, username: 'ada', name: 'ada', team_id: TEAM },
    api_app_id: 'A0TEST',
    token: 'verification-token-unused',
    trigger_id: `${++n}.${Date.now()}.${randomUUID().slice(0, 8)}`,
    team: { id: TEAM, domain: 'onramp-test' },
    enterprise: null,
    is_enterprise_install: false,
    ...where,
    actions: [element],
  };
}
export const asInteraction = (payload: unknown) => ({
  body: `payload=${encodeURIComponent(JSON.stringify(payload))}`,
  type: 'application/x-www-form-urlencoded',
});

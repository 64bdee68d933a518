// The Slack outbox: push posts (digests, reminders) through the Web API alone, with no receiver, port or socket.
import {
  ANY_WORKSPACE,
  type Destination,
  type OpenResult,
  type Outbox,
  type PostResult,
  type Reply,
  type UserRef,
} from '../../src/core/index.js';
import { createOutboxClients } from './clients.js';
import { createDirectory, LookupRateLimited } from './directory.js';
import { createBoltLogger, errorField, type Log } from './log.js';
import { createPushPoster } from './push.js';
import { renderMessage } from './render.js';

export interface SlackOutboxOptions {
  botToken: string;
  /** Web API base, `https://slack.com/api/` unless testing or proxying. */
  apiUrl?: string;
  log: Log;
}

const SLACK_ID = /^[CGD][A-Z0-9]{6,}$/;

export function createSlackOutbox(options: SlackOutboxOptions): Outbox {
  const clients = createOutboxClients(options.botToken, options.apiUrl, createBoltLogger(options.log));
  const directory = createDirectory(clients.lookups, options.log);
  const push = createPushPoster(clients.push);
  let team: Promise<string> | undefined;
  /** The workspace of the token, asked once (and again after a failure) only when a destination names one. */
  const teamId = () =>
    (team ??= clients.lookups.auth.test().then(
      (auth) => auth.team_id ?? '',
      (err: unknown) => {
        team = undefined;
        throw err;
      },
    ));

  async function channelOf(to: Destination): Promise<string | PostResult> {
    if (to.kind === 'user') return to.userId;
    if (SLACK_ID.test(to.channelId)) return to.channelId;
    try {
      return (await directory.channelId(to.channelId)) ?? { ok: false, error: 'channel_not_found' };
    } catch (err) {
      // The channel list is rate limited: the caller (the digest's delivery) waits as asked and tries again.
      if (err instanceof LookupRateLimited) return { ok: false, error: 'ratelimited', retryAfterMs: err.retryAfterMs };
      throw err;
    }
  }

  return {
    platform: 'slack',
    async post(to: Destination, reply: Reply): Promise<PostResult> {
      if (to.platform !== 'slack') return { ok: false, error: 'wrong_platform' };
      if (to.workspaceId !== ANY_WORKSPACE) {
        const own = await teamId().catch((err: unknown) => {
          options.log.warn({ err: errorField(err) }, 'slack auth.test failed before a post');
          return undefined;
        });
        if (own === undefined) return { ok: false, error: 'auth_test_failed' };
        if (to.workspaceId !== own) return { ok: false, error: 'wrong_workspace' };
      }
      const channel = await channelOf(to);
      if (typeof channel !== 'string') return channel;
      return push(channel, renderMessage(reply));
    },
    async open(users: UserRef[]): Promise<OpenResult> {
      // A group DM of these people and the bot (Slack adds the bot itself); opening an existing one returns it.
      try {
        const opened = await clients.push.conversations.open({
          users: users.map((u) => u.userId).join(','),
          return_im: false,
        });
        const id = opened.channel?.id;
        return id ? { ok: true, channelId: id } : { ok: false, error: 'no_channel' };
      } catch (err) {
        const e = err as { data?: { error?: string }; code?: string };
        return { ok: false, error: e.data?.error ?? e.code ?? 'request_failed' };
      }
    },
  };
}

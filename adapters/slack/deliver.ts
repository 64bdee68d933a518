// Where an answer goes: the command's or click's response_url, the thread of the question, an ephemeral
// for a private answer in a channel, the person's DM, or their App Home.
import type { RespondFn, webApi } from '@slack/bolt';
import type { Reply } from '../../src/core/index.js';
import { renderHome, renderMessage } from './render.js';
import { respondStatus } from './transport.js';

export type Target =
  /** Slash commands and clicks on messages: the response_url answers without the bot being in the channel. */
  | { via: 'respond'; respond: RespondFn; channelId: string; userId: string }
  /** Events: a reply in the channel (in the thread of the question) or in the DM. */
  | { via: 'event'; channelId: string; userId: string; threadId?: string; isDirect: boolean }
  /** Clicks in App Home, which has no response_url: the person's DM with the app. */
  | { via: 'dm'; userId: string };

type Client = webApi.WebClient;
const quiet = { unfurl_links: false, unfurl_media: false } as const;

async function inChannel(
  client: Client,
  channel: string,
  user: string,
  reply: Reply,
  threadId?: string,
  isDirect = false,
) {
  const message = { channel, ...renderMessage(reply), ...(threadId ? { thread_ts: threadId } : {}) };
  if (reply.private && !isDirect) await client.chat.postEphemeral({ ...message, user });
  else await client.chat.postMessage({ ...message, ...quiet });
}

export async function deliver(client: Client, target: Target, reply: Reply): Promise<void> {
  switch (target.via) {
    case 'respond':
      try {
        await target.respond({
          response_type: reply.private ? 'ephemeral' : 'in_channel',
          replace_original: false,
          ...renderMessage(reply),
        });
      } catch (err) {
        // A response_url serves 5 answers within 30 minutes; past that (Slack answers 404), say it in the
        // channel instead. Not after a timeout: the answer may have arrived, and twice is worse than late.
        const status = respondStatus(err);
        if (!target.channelId || status === undefined || status >= 500) throw err;
        await inChannel(client, target.channelId, target.userId, reply, undefined, target.channelId.startsWith('D'));
      }
      return;
    case 'event':
      return inChannel(client, target.channelId, target.userId, reply, target.threadId, target.isDirect);
    case 'dm':
      await client.chat.postMessage({ channel: target.userId, ...renderMessage(reply), ...quiet });
      return;
  }
}

export async function publishHome(client: Client, userId: string, reply: Reply): Promise<void> {
  await client.views.publish({ user_id: userId, view: renderHome(reply) });
}

// link_shared → chat.unfurl: GitHub issue links pasted in Slack show what onramp knows about the issue.
import type { App, webApi } from '@slack/bolt';
import type { Reply } from '../../src/core/index.js';
import { errorField, type Log } from './log.js';
import { renderMessage } from './render.js';

/** What the adapter asks of the bot: an unfurl for one pasted link, or nothing (Slack's own preview stays). */
export interface Unfurls {
  unfurl(url: string, viewer: { platform: 'slack'; workspaceId: string; userId: string }): Promise<Reply | null>;
}

/** Links looked at per message: each may cost a GitHub request, and a message of fifty links is a flood, not a question. */
export const MAX_UNFURLS = 5;
/** Blocks per unfurl: a preview, not a reply (Slack collapses long attachments anyway). */
const UNFURL_BLOCKS = 5;

interface LinkShared {
  channel?: string;
  message_ts?: string;
  unfurl_id?: string;
  source?: string;
  user?: string;
  links?: { domain?: string; url?: string }[];
}

export interface UnfurlWiring {
  client: webApi.WebClient;
  unfurls: Unfurls;
  seen(eventId: string): Promise<boolean>;
  log: Log;
}

export function wireUnfurls(app: App, w: UnfurlWiring): void {
  app.event('link_shared', (async ({
    event,
    body,
  }: {
    event: LinkShared;
    body: { event_id?: string; team_id?: string };
  }) => {
    try {
      if (body.event_id && (await w.seen(body.event_id).catch(() => false))) return;
      const urls = [
        ...new Set((event.links ?? []).map((l) => l.url).filter((u): u is string => typeof u === 'string')),
      ].slice(0, MAX_UNFURLS);
      const viewer = { platform: 'slack' as const, workspaceId: body.team_id ?? '', userId: event.user ?? '' };
      const unfurls: Record<string, { blocks: unknown[] }> = {};
      for (const url of urls) {
        const reply = await w.unfurls.unfurl(url, viewer);
        if (reply) unfurls[url] = { blocks: renderMessage(reply).blocks.slice(0, UNFURL_BLOCKS) };
      }
      if (Object.keys(unfurls).length === 0) return;
      // Links still in the composer have no message yet: Slack names them by unfurl_id and source instead.
      const where =
        event.unfurl_id && event.source
          ? { unfurl_id: event.unfurl_id, source: event.source as 'composer' | 'conversations_history' }
          : { channel: event.channel ?? '', ts: event.message_ts ?? '' };
      await w.client.chat.unfurl({ ...where, unfurls } as never);
    } catch (err) {
      w.log.warn({ err: errorField(err) }, 'slack unfurl failed');
    }
  }) as never);
}

// Posting from the CLI: the platforms' outboxes alone (REST), so `digest --send` opens no receiver, no port
// and no gateway session, and never competes with the running bot for events.
import { hostname, userInfo } from 'node:os';
import type { Booted } from '../boot.js';
import type { Platform } from '../core/types.js';
import type { Post } from '../digest/deliver.js';
import { configuredPlatforms } from '../digest/destinations.js';
import { platformOutboxes } from '../platforms.js';
import type { CliIo } from './command.js';

/** Outboxes hold no connection: REST requests end with the call, so there is nothing to stop afterwards. */
export interface PushSide {
  post: Post;
  reachable: Platform[];
}

export async function createPushSide(booted: Booted): Promise<PushSide> {
  const outboxes = await platformOutboxes(booted);
  return {
    reachable: outboxes.map((o) => o.platform),
    post: async (to, reply) =>
      outboxes.find((o) => o.platform === to.platform)?.post(to, reply) ?? {
        ok: false,
        error: `cannot post to ${to.platform} from the CLI`,
      },
  };
}

/**
 * Runs a manual send (`digest --send`, `follow-ups --now`…): exit 1 when no platform is configured, else
 * `work` on the outboxes. Manual sends are rare and visible to many people: who started one, and where,
 * is logged (never what was sent).
 */
export async function sendFromCli(
  booted: Booted,
  io: CliIo,
  command: string,
  work: (push: PushSide) => Promise<number>,
  hint?: string,
): Promise<number> {
  if (configuredPlatforms(booted.deps.config).length === 0) {
    io.err('Nothing can be sent: no chat platform is configured (SLACK_BOT_TOKEN or DISCORD_TOKEN).');
    if (hint) io.err(hint);
    return 1;
  }
  const push = await createPushSide(booted);
  booted.deps.log.warn(
    { by: userInfo().username, host: hostname(), platforms: push.reachable },
    `${command} started from the CLI`,
  );
  return work(push);
}

// Posting from the CLI: the platforms' outboxes alone (REST), so `digest --send` opens no receiver, no port
// and no gateway session, and never competes with the running bot for events.
import type { Booted } from '../boot.js';
import type { Platform } from '../core/types.js';
import type { Post } from '../digest/deliver.js';
import { platformOutboxes } from '../platforms.js';

export interface PushSide {
  post: Post;
  reachable: Platform[];
  stop(): Promise<void>;
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
    // Outboxes hold no connection to close: REST requests end with the call.
    async stop() {},
  };
}

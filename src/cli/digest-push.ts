// Posting from the CLI: a Slack adapter that listens nowhere, so `digest --send` never competes for events.
import { randomUUID } from 'node:crypto';
import { createSlackAdapter } from '../../adapters/slack/index.js';
import type { Booted } from '../boot.js';
import type { ChatAdapter, Platform } from '../core/types.js';
import type { Post } from '../digest/deliver.js';

export interface PushSide {
  post: Post;
  reachable: Platform[];
  /** Platforms configured but not reachable from here, with the reason to print. */
  left: { platform: Platform; why: string }[];
  stop(): Promise<void>;
}

/**
 * Slack: HTTP mode on a loopback port nobody sends to, and never Socket Mode, whose connection would
 * take a share of the workspace's events. Discord: posting needs a gateway session, and a second one
 * would answer people's commands in the bot's place, so its digests are left to the running bot.
 */
export async function createPushSide(booted: Booted): Promise<PushSide> {
  const { config, log } = booted.deps;
  const adapters: ChatAdapter[] = [];
  const left: PushSide['left'] = [];
  if (config.SLACK_BOT_TOKEN) {
    const slack = createSlackAdapter({
      botToken: config.SLACK_BOT_TOKEN,
      signingSecret: randomUUID(),
      apiUrl: config.SLACK_API_URL,
      port: 0,
      host: '127.0.0.1',
      seen: async () => true,
      log: log.child({ platform: 'slack' }),
    });
    await slack.start(async () => []);
    adapters.push(slack);
  }
  if (config.DISCORD_TOKEN) left.push({ platform: 'discord', why: 'the running bot sends them if DIGEST_CRON fires again this period; otherwise their issues go into next period\'s digest (a second Discord session would answer commands in the bot\'s place)' });
  return {
    reachable: adapters.map((a) => a.platform),
    left,
    post: async (to, reply) => (adapters.find((a) => a.platform === to.platform)?.post(to, reply) ?? { ok: false, error: `cannot post to ${to.platform} from the CLI` }),
    async stop() {
      await Promise.allSettled(adapters.map((a) => a.stop()));
    },
  };
}

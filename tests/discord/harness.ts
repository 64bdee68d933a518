// Runs the real bot through the real discord.js inbox and outbox against the fake Discord, as people would use it.
import { createDiscordInbox, createDiscordOutbox } from '../../adapters/discord/index.js';
import type { StashPort } from '../../adapters/discord/stash.js';
import { createBot } from '../../src/wiring/bot.js';
import type { Capability } from '../../src/core/capability.js';
import type { Deps } from '../../src/wiring/deps.js';
import type { Dispatch, InboundEvent, Reply } from '../../src/core/types.js';
import { capabilities as registry } from '../../src/capabilities/index.js';
import { createOfflineGithub } from '../fakes/offline-github.js';
import { createStore } from '../../src/store/store.js';
import { githubSetup } from '../github/setup.js';
import { openTestDatabase } from '../helpers/database.js';
import { memoryLogger, testDeps } from '../helpers/deps.js';
import { startFakeDiscord, type FakeDiscord, type Recorded } from './fake-discord.js';
import { createPeople } from './people.js';
import { discordInboxOptions, discordOutboxOptions } from '../../src/platforms.js';

export { ada, grace, otherBot } from './people.js';

type Json = any;

let base: ReturnType<typeof testDeps> | undefined;

export interface BotOptions {
  capabilities?: readonly Capability[];
  replicas?: number;
  /** The real GitHub side (Octokit) against a fake GitHub, instead of an index nobody refreshes. */
  github?: boolean;
  /** The bot was also invited to a server outside the community (see FakeDiscord.strangers). */
  strangers?: boolean;
  /** DISCORD_GUILD_IDS names the community's server. */
  onlyCommunity?: boolean;
  /** Wraps the store's side of the stash, e.g. to make reading it slow. */
  stash?: (port: StashPort) => StashPort;
  /** Awaited before each event reaches the core, e.g. to hold an answer while the adapter stops. */
  beforeDispatch?: (event: InboundEvent) => Promise<void>;
}

export async function startDiscordBot(options: BotOptions = {}) {
  const fake = await startFakeDiscord({ strangers: options.strangers ?? false });
  const db = await openTestDatabase('sqlite');
  const store = createStore(db);
  const gh = options.github ? await githubSetup({ store }) : undefined;
  // Understanding is built once per file (it is the slow part); every run gets its own database.
  base ??= testDeps();
  const shared = await base;
  const deps: Deps = gh?.deps ?? { ...shared, store, ...createOfflineGithub(store, shared.log, shared.now) };
  const caps = options.capabilities ?? registry;
  const bot = createBot(deps, caps);
  const { log, lines } = memoryLogger();
  /** Every event the core received, with what the fake had answered by then (to check defer-first), and its answer. */
  const seen: { event: InboundEvent; requestsBefore: Recorded[]; replies?: Reply[] }[] = [];
  const dispatch: Dispatch = async (event, dispatchOptions) => {
    const entry: (typeof seen)[number] = { event, requestsBefore: [...fake.requests] };
    seen.push(entry);
    await options.beforeDispatch?.(event);
    entry.replies = await bot.dispatch(event, dispatchOptions);
    return entry.replies;
  };
  // Several processes logged in with one token all receive every event, as replicas would.
  const wiring = {
    deps: { ...deps, config: { ...deps.config, DISCORD_API_URL: fake.apiUrl } },
    db: db.db,
    capabilities: caps,
  };
  const adapters = Array.from({ length: options.replicas ?? 1 }, () => {
    const built = discordInboxOptions(wiring, fake.token, fake.appId);
    return createDiscordInbox({
      ...built,
      log,
      ...(options.onlyCommunity ? { guildIds: [fake.guildId] } : {}),
      stash: options.stash ? options.stash(built.stash!) : built.stash!,
    });
  });
  // Each replica's outbox, built apart from its inbox as the jobs and the CLI build it.
  const outboxes = adapters.map(() => {
    const built = discordOutboxOptions(wiring, fake.token);
    return createDiscordOutbox({
      ...built,
      log,
      ...(options.onlyCommunity ? { guildIds: [fake.guildId] } : {}),
      stash: options.stash ? options.stash(built.stash!) : built.stash!,
    });
  });
  for (const a of adapters) await a.start(dispatch);
  const adapter = adapters[0]!;
  const outbox = outboxes[0]!;

  const act = createPeople(fake);

  return {
    fake,
    deps,
    adapter,
    /** Every replica, in the order they logged in (the `session` of a person's action). */
    adapters,
    outbox,
    outboxes,
    logLines: lines,
    seen,
    ...act,
    /** The fake GitHub and its side, when asked for. */
    gh,
    async close() {
      for (const a of adapters) await a.stop();
      await gh?.fake.close();
      await fake.close();
      await db.dispose();
    },
  };
}

export type Running = Awaited<ReturnType<typeof startDiscordBot>>;

/** Waits until the fake has recorded `count` requests matching `test` (the bot answers asynchronously). */
export async function waitFor(fake: FakeDiscord, test: (r: Recorded) => boolean, count = 1): Promise<Recorded[]> {
  for (let i = 0; i < 500; i++) {
    const found = fake.requests.filter(test);
    if (found.length >= count) return found;
    await new Promise((r) => setTimeout(r, 10));
  }
  const seen = fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`).join('\n');
  throw new Error(`the bot never made the expected request; it made:\n${seen}`);
}

/** Request bodies that create or change a message (the ones that must never ping anyone). */
export function messageBodies(fake: FakeDiscord): Json[] {
  return fake.requests.flatMap((r) => {
    if (r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path)) return [r.body];
    if (/^\/webhooks\//.test(r.path) && (r.method === 'POST' || r.method === 'PATCH')) return [r.body];
    if (/\/callback$/.test(r.path) && (r.body.type === 4 || r.body.type === 7)) return [r.body.data];
    return [];
  });
}

export const isCallback = (id: string) => (r: Recorded) =>
  r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`);
export const isEdit = (token: string) => (r: Recorded) =>
  r.method === 'PATCH' && r.path.includes(`/${token}/messages/@original`);
export const isFollowUp = (token: string) => (r: Recorded) => r.method === 'POST' && r.path.endsWith(`/${token}`);
export const isChannelPost = (channelId: string) => (r: Recorded) =>
  r.method === 'POST' && r.path === `/channels/${channelId}/messages`;

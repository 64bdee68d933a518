// Runs the real bot through the real discord.js client against the fake Discord, as people would use it.
import { createDiscordAdapter } from '../../adapters/discord/index.js';
import { capabilities as registry } from '../../src/capabilities/index.js';
import { sigSuggestions } from '../../src/content/suggestions.js';
import { createBot } from '../../src/core/bot.js';
import type { Capability } from '../../src/core/capability.js';
import { commandSpecs, createLookup } from '../../src/core/commands.js';
import type { Dispatch, InboundEvent } from '../../src/core/types.js';
import { createProcessedEvents } from '../../src/store/processed-events.js';
import { createStore } from '../../src/store/store.js';
import { openTestDatabase } from '../helpers/database.js';
import { memoryLogger, testDeps } from '../helpers/deps.js';
import { snowflake, startFakeDiscord, type FakeDiscord, type Recorded } from './fake-discord.js';

type Json = any;

export const ada = { id: '1100000000000000900', username: 'ada', discriminator: '0', global_name: 'Ada', avatar: null };
export const grace = { id: '1100000000000000901', username: 'grace', discriminator: '0', global_name: 'Grace', avatar: null };
export const otherBot = { id: '1100000000000000902', username: 'helper', discriminator: '0', global_name: null, avatar: null, bot: true };

export interface Where {
  dm?: boolean;
  user?: Json;
  locale?: string;
  channelId?: string;
}

let base: ReturnType<typeof testDeps> | undefined;

export async function startDiscordBot(options: { capabilities?: readonly Capability[]; replicas?: number } = {}) {
  const fake = await startFakeDiscord();
  const db = await openTestDatabase('sqlite');
  // Understanding is built once per file (it is the slow part); every run gets its own database.
  base ??= testDeps();
  const deps = { ...(await base), store: createStore(db) };
  const caps = options.capabilities ?? registry;
  const bot = createBot(deps, caps);
  const { log, lines } = memoryLogger();
  /** Every event the core received, with what the fake had answered by then (to check defer-first). */
  const seen: { event: InboundEvent; requestsBefore: Recorded[] }[] = [];
  const dispatch: Dispatch = async (event) => {
    seen.push({ event, requestsBefore: [...fake.requests] });
    return bot.dispatch(event);
  };
  const processed = createProcessedEvents(db.db);
  // Several processes logged in with one token all receive every event, as replicas would.
  const adapters = Array.from({ length: options.replicas ?? 1 }, () =>
    createDiscordAdapter({
      token: fake.token,
      applicationId: fake.appId,
      apiUrl: fake.apiUrl,
      commands: commandSpecs(caps),
      suggestions: { sigs: sigSuggestions(deps.content) },
      lookup: createLookup(deps.translator),
      defaultLocale: 'en',
      log,
      seen: (id) => processed.seen('discord', id, new Date()),
    }),
  );
  for (const a of adapters) await a.start(dispatch);
  const adapter = adapters[0]!;

  function interaction(type: number, data: Json, where: Where = {}, extra: Json = {}) {
    const id = snowflake();
    const user = where.user ?? ada;
    const place = where.dm
      ? { channel_id: where.channelId ?? fake.dmWith(user), user, context: 1 }
      : {
          guild_id: fake.guildId,
          channel_id: where.channelId ?? fake.channels.general,
          member: { user, roles: [], permissions: '2248473465835073', joined_at: '2026-01-01T00:00:00.000Z', nick: null, deaf: false, mute: false, flags: 0, pending: false },
          guild_locale: 'en-US',
          context: 0,
        };
    const channel = where.dm
      ? { id: place.channel_id, type: 1, recipients: [user] }
      : { id: place.channel_id, type: 0, guild_id: fake.guildId, name: place.channel_id === fake.channels.newcomers ? 'newcomers' : 'general' };
    const payload = {
      id, application_id: fake.appId, type, token: `itoken-${id}-secret`, version: 1, locale: where.locale ?? 'en-US', app_permissions: '2248473465835073',
      entitlements: [], authorizing_integration_owners: { 0: fake.guildId }, attachment_size_limit: 8388608, channel, ...place, data, ...extra,
    };
    fake.dispatch('INTERACTION_CREATE', payload);
    return payload;
  }

  const optionList = (values: Record<string, string>, focused?: string) =>
    Object.entries(values).map(([name, value]) => ({ name, type: 3, value, ...(name === focused ? { focused: true } : {}) }));

  return {
    fake,
    deps,
    adapter,
    logLines: lines,
    seen,
    slash: (name: string, values: Record<string, string> = {}, where?: Where) =>
      interaction(2, { id: snowflake(), name, type: 1, options: optionList(values) }, where),
    autocomplete: (name: string, values: Record<string, string>, focused: string, where?: Where) =>
      interaction(4, { id: snowflake(), name, type: 1, options: optionList(values, focused) }, where),
    click: (message: Json, customId: string, where?: Where) => interaction(3, { custom_id: customId, component_type: 2 }, where, { message }),
    choose: (message: Json, customId: string, value: string, where?: Where) =>
      interaction(3, { custom_id: customId, component_type: 3, values: [value] }, where, { message }),
    /** A message as Discord delivers it; `mention` puts `<@bot>` in front and in `mentions`. */
    say(content: string, where: Where & { mention?: boolean; author?: Json; mentionRole?: boolean } = {}) {
      const author = where.author ?? where.user ?? ada;
      const channelId = where.channelId ?? (where.dm ? fake.dmWith(author) : fake.channels.general);
      const payload = {
        id: snowflake(), channel_id: channelId, channel_type: where.dm ? 1 : 0, ...(where.dm ? {} : { guild_id: fake.guildId, member: { roles: [], joined_at: '2026-01-01T00:00:00.000Z', nick: null, deaf: false, mute: false, flags: 0 } }),
        author, content: where.mention ? `<@${fake.appId}> ${content}` : content, timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false,
        mentions: where.mention ? [{ ...fake.bot }] : [], mention_roles: [], attachments: [], embeds: [], pinned: false, type: 0, flags: 0, components: [],
      };
      return { payload, delivered: fake.dispatch('MESSAGE_CREATE', payload) };
    },
    async close() {
      for (const a of adapters) await a.stop();
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

export const isCallback = (id: string) => (r: Recorded) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`);
export const isEdit = (token: string) => (r: Recorded) => r.method === 'PATCH' && r.path.includes(`/${token}/messages/@original`);
export const isFollowUp = (token: string) => (r: Recorded) => r.method === 'POST' && r.path.endsWith(`/${token}`);
export const isChannelPost = (channelId: string) => (r: Recorded) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`;

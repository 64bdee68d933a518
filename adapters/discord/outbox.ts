// The Discord outbox: push posts (digests, reminders) over REST alone, with no gateway session and no login,
// so a job or the CLI can post while the running bot keeps the only session.
import { ChannelType, DiscordAPIError, REST, Routes, SnowflakeUtil } from 'discord.js';
import {
  ANY_WORKSPACE,
  type Destination,
  type Locale,
  type Lookup,
  type OpenResult,
  type Outbox,
  type PostResult,
  type Reply,
} from '../../src/core/index.js';
import { createVoice, describeError, type Log } from './context.js';
import type { DiscordMessage } from './layout.js';
import { watchRest } from './rest-log.js';
import { createStashes, type StashPort } from './stash.js';

export interface DiscordOutboxOptions {
  token: string;
  /** REST base, `https://discord.com/api` in production. */
  apiUrl: string;
  lookup: Lookup;
  defaultLocale: Locale;
  log: Log;
  /** The community's servers: a channel named in content is looked for there only (see DiscordOptions). */
  guildIds?: readonly string[];
  /** Where what a button's custom_id points to is kept, so the inbox of any replica understands the click. */
  stash?: StashPort;
}

const SNOWFLAKE = /^\d{5,25}$/;
/** Channels a digest can go to by name: text and announcement channels. */
const POSTABLE = new Set<number>([ChannelType.GuildText, ChannelType.GuildAnnouncement]);
/** How long the servers' channel list is reused for names: a digest run names many channels. */
const CHANNELS_TTL_MS = 5 * 60_000;
const MEMORY = 5000;
/** Discord's code for a channel that does not exist or that the bot cannot see. */
const UNKNOWN_CHANNEL = 10003;

interface ApiChannel {
  id: string;
  type: number;
  name?: string;
  guild_id?: string;
}

/** The raw body of a message create: nobody pinged, and a nonce Discord enforces so a retried create posts once. */
const body = (m: DiscordMessage) => ({
  ...m,
  allowed_mentions: { parse: [], replied_user: false },
  nonce: SnowflakeUtil.generate().toString(),
  enforce_nonce: true,
});

export function createDiscordOutbox(options: DiscordOutboxOptions): Outbox {
  const rest = new REST({ api: options.apiUrl }).setToken(options.token);
  watchRest(rest, options.log);
  const voice = createVoice(createStashes(MEMORY, options.stash, options.log), options.lookup, options.defaultLocale);
  let listed: { until: number; channels: Promise<ApiChannel[]> } | undefined;

  /** Text channels of the community's servers (every server the bot is in when none is configured). */
  function channels(): Promise<ApiChannel[]> {
    if (listed && Date.now() < listed.until) return listed.channels;
    const load = async () => {
      const guilds = options.guildIds?.length
        ? [...options.guildIds]
        : ((await rest.get(Routes.userGuilds())) as { id: string }[]).map((g) => g.id);
      const inGuild = async (g: string) =>
        ((await rest.get(Routes.guildChannels(g))) as ApiChannel[]).map((c) => ({ ...c, guild_id: g }));
      const all = await Promise.all(guilds.map(inGuild));
      return all.flat().filter((c) => POSTABLE.has(c.type));
    };
    const entry = { until: Date.now() + CHANNELS_TTL_MS, channels: load() };
    entry.channels.catch(() => (listed = undefined));
    listed = entry;
    return entry.channels;
  }

  /** The channel id to post in, null when there is none, or why a name cannot be resolved safely. */
  async function channelOf(to: Destination): Promise<string | { error: string } | null> {
    if (to.kind === 'user') {
      const dm = (await rest.post(Routes.userChannels(), { body: { recipient_id: to.userId } })) as ApiChannel;
      return dm.id;
    }
    if (to.workspaceId !== ANY_WORKSPACE || SNOWFLAKE.test(to.channelId)) return to.channelId;
    const name = to.channelId.replace(/^#/, '');
    const found = (await channels()).filter((c) => c.name === name);
    const guilds = new Set(found.map((c) => c.guild_id));
    // Another server with a channel of that name must never receive the community's posts.
    if (guilds.size > 1)
      return {
        error: `channel_ambiguous: #${name} exists in ${guilds.size} Discord servers; set DISCORD_GUILD_IDS to the community's`,
      };
    return found[0]?.id ?? null;
  }

  return {
    platform: 'discord',
    // A bot cannot open a group DM on Discord; a private thread would need a channel and a permission per
    // server, so introductions are written to each person instead.
    async open(): Promise<OpenResult> {
      return { ok: false, error: 'unsupported' };
    },
    async post(to: Destination, reply: Reply): Promise<PostResult> {
      if (to.platform !== 'discord') return { ok: false, error: 'wrong_platform' };
      let last: string | undefined;
      try {
        const channel = await channelOf(to);
        if (!channel) return { ok: false, error: 'channel_not_found' };
        if (typeof channel !== 'string') return { ok: false, error: channel.error };
        for (const message of await voice.render(reply)) {
          const sent = (await rest.post(Routes.channelMessages(channel), { body: body(message) })) as { id: string };
          last = sent.id;
        }
        return { ok: true, ...(last ? { messageId: last } : {}) };
      } catch (err) {
        if (last === undefined && err instanceof DiscordAPIError && err.code === UNKNOWN_CHANNEL)
          return { ok: false, error: 'channel_not_found' };
        const described = describeError(err);
        options.log.warn({ err: described, kind: to.kind }, 'discord post failed');
        // e.g. "discord 403 50007: Cannot send messages to this user", kept in the digest ledger as the reason.
        const head = ['discord', described.status, described.code ?? described.name]
          .filter((x) => x !== undefined)
          .join(' ');
        // Part of a long reply went out, or the last try timed out after sending: sending again could post twice.
        // A final 5xx too: Discord read the request, and a later resend carries a new nonce.
        const uncertain =
          last !== undefined ||
          described.name === 'AbortError' ||
          described.name === 'TimeoutError' ||
          Number(described.status) >= 500;
        return {
          ok: false,
          error: `${head}: ${String(described.message ?? 'failed')}`.slice(0, 200),
          ...(uncertain ? { uncertain: true as const } : {}),
        };
      }
    },
  };
}

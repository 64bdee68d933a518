// What people do on Discord, as the gateway delivers it: slash commands, clicks, menus, messages.
import { snowflake, type FakeDiscord } from './fake-discord.js';

type Json = any;

export const ada = { id: '1100000000000000900', username: 'ada', discriminator: '0', global_name: 'Ada', avatar: null };
export const grace = {
  id: '1100000000000000901',
  username: 'grace',
  discriminator: '0',
  global_name: 'Grace',
  avatar: null,
};
export const otherBot = {
  id: '1100000000000000902',
  username: 'helper',
  discriminator: '0',
  global_name: null,
  avatar: null,
  bot: true,
};

export interface Where {
  dm?: boolean;
  user?: Json;
  locale?: string;
  channelId?: string;
  /** The server, when not the community's own (with `channelId` in it). */
  guildId?: string;
  /** Only this replica receives it (0 is the first to log in); otherwise every one does, as on Discord. */
  session?: number;
}

/** Builds each payload as Discord sends it and dispatches it through the fake gateway. */
export function createPeople(fake: FakeDiscord) {
  function interaction(type: number, data: Json, where: Where = {}, extra: Json = {}) {
    const id = snowflake();
    const user = where.user ?? ada;
    const guildId = where.guildId ?? fake.guildId;
    const place = where.dm
      ? { channel_id: where.channelId ?? fake.dmWith(user), user, context: 1 }
      : {
          guild_id: guildId,
          channel_id: where.channelId ?? fake.channels.general,
          member: {
            user,
            roles: [],
            permissions: '2248473465835073',
            joined_at: '2026-01-01T00:00:00.000Z',
            nick: null,
            deaf: false,
            mute: false,
            flags: 0,
            pending: false,
          },
          guild_locale: 'en-US',
          context: 0,
        };
    const channel = where.dm
      ? { id: place.channel_id, type: 1, recipients: [user] }
      : {
          id: place.channel_id,
          type: 0,
          guild_id: guildId,
          name: place.channel_id === fake.channels.newcomers ? 'newcomers' : 'general',
        };
    const payload = {
      id,
      application_id: fake.appId,
      type,
      token: `itoken-${id}-secret`,
      version: 1,
      locale: where.locale ?? 'en-US',
      app_permissions: '2248473465835073',
      entitlements: [],
      authorizing_integration_owners: { 0: guildId },
      attachment_size_limit: 8388608,
      channel,
      ...place,
      data,
      ...extra,
    };
    fake.dispatch('INTERACTION_CREATE', payload, where.session);
    return payload;
  }

  const optionList = (values: Record<string, string>, focused?: string) =>
    Object.entries(values).map(([name, value]) => ({
      name,
      type: 3,
      value,
      ...(name === focused ? { focused: true } : {}),
    }));

  return {
    slash: (name: string, values: Record<string, string> = {}, where?: Where) =>
      interaction(2, { id: snowflake(), name, type: 1, options: optionList(values) }, where),
    autocomplete: (name: string, values: Record<string, string>, focused: string, where?: Where) =>
      interaction(4, { id: snowflake(), name, type: 1, options: optionList(values, focused) }, where),
    click: (message: Json, customId: string, where?: Where) =>
      interaction(3, { custom_id: customId, component_type: 2 }, where, { message }),
    choose: (message: Json, customId: string, value: string, where?: Where) =>
      interaction(3, { custom_id: customId, component_type: 3, values: [value] }, where, { message }),
    /** A message as Discord delivers it; `mention` puts `<@bot>` in front and in `mentions`. */
    say(content: string, where: Where & { mention?: boolean; author?: Json } = {}) {
      const author = where.author ?? where.user ?? ada;
      const channelId = where.channelId ?? (where.dm ? fake.dmWith(author) : fake.channels.general);
      const member = {
        roles: [],
        joined_at: '2026-01-01T00:00:00.000Z',
        nick: null,
        deaf: false,
        mute: false,
        flags: 0,
      };
      const payload = {
        id: snowflake(),
        channel_id: channelId,
        channel_type: where.dm ? 1 : 0,
        ...(where.dm ? {} : { guild_id: where.guildId ?? fake.guildId, member }),
        author,
        content: where.mention ? `<@${fake.appId}> ${content}` : content,
        timestamp: new Date().toISOString(),
        edited_timestamp: null,
        tts: false,
        mention_everyone: false,
        mentions: where.mention ? [{ ...fake.bot }] : [],
        mention_roles: [],
        attachments: [],
        embeds: [],
        pinned: false,
        type: 0,
        flags: 0,
        components: [],
      };
      return { payload, delivered: fake.dispatch('MESSAGE_CREATE', payload) };
    },
  };
}

// Messages that mention the bot, and direct messages: answered in place, private answers by DM.
import { DiscordAPIError, type Message, type SendableChannels } from 'discord.js';
import { describeError, CANNOT_DM, NO_MENTIONS, type Kit } from './context.js';
import { messageEvent, type SeenMessage } from './inbound.js';
import { person } from './interactions.js';
import type { DiscordMessage } from './layout.js';
import { oncePerSend } from './nonce.js';

function seen(m: Message, botId: string): SeenMessage {
  const channel = m.channel;
  const mentionsBot =
    m.mentions.users.has(botId) ||
    m.mentions.roles.some((r) => r.tags?.botId === botId) ||
    m.mentions.repliedUser?.id === botId;
  return {
    id: m.id,
    guildId: m.guildId,
    channelId: m.channelId,
    channelName: 'name' in channel && typeof channel.name === 'string' ? channel.name : null,
    author: person(m.author, m.member),
    content: m.content,
    system: m.system,
    mentionsBot,
  };
}

async function sendAll(channel: SendableChannels, messages: DiscordMessage[], replyTo?: string) {
  for (const [n, message] of messages.entries()) {
    const reference = n === 0 && replyTo ? { reply: { messageReference: replyTo, failIfNotExists: false } } : {};
    await channel.send({ ...message, ...reference, ...oncePerSend(), allowedMentions: NO_MENTIONS });
  }
}

export function createMessageHandler(kit: Kit) {
  return async (m: Message): Promise<void> => {
    try {
      // Another community's server: no answer (a reply there would need the store to be sent once).
      if (!kit.serves(m.guildId)) return;
      const botId = kit.me.botId;
      const botRole = m.guild?.roles.botRoleFor(botId);
      const said = seen(m, botId);
      const event = messageEvent(
        said,
        { ...kit.me, botRoleIds: botRole ? [botRole.id] : [] },
        kit.watches(said.channelId, said.channelName),
      );
      if (!event) return;
      // Recorded as seen only once the core decided to answer: another replica may have answered it already.
      const replies = await kit.dispatch(event, { firstDelivery: async () => !(await kit.seen(`message:${m.id}`)) });
      let answered = false;
      let dmClosed = false;
      for (const reply of replies) {
        let messages = await kit.render(reply);
        if (reply.private && m.inGuild()) {
          // No ephemeral messages outside interactions: a private answer goes by DM. If DMs are closed it
          // must not land here instead (claims, GitHub login, errors): the channel only hears how to ask privately.
          if (dmClosed) continue;
          try {
            await sendAll(await m.author.createDM(), messages);
            continue;
          } catch (err) {
            if (!(err instanceof DiscordAPIError && err.code === CANNOT_DM)) throw err;
          }
          dmClosed = true;
          messages = [{ content: kit.say(kit.localeOf(reply), 'discord.dm_closed') }];
        }
        if (!m.channel.isSendable()) return;
        await sendAll(m.channel, messages, answered ? undefined : m.id);
        answered = true;
      }
    } catch (err) {
      kit.log.error({ err: describeError(err), message: m.id, channel: m.channelId }, 'discord message answer failed');
    }
  };
}

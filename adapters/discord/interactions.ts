// Slash commands, autocomplete, buttons and menus: acknowledged first, answered once the store and core have spoken.
import {
  ComponentType,
  DiscordAPIError,
  GuildMember,
  MessageFlags,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIInteractionGuildMember,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type StringSelectMenuInteraction,
  type User,
} from 'discord.js';
import type { InboundEvent } from '../../src/core/index.js';
import { describeError, NO_MENTIONS, type Kit } from './context.js';
import { decode, pageOf, type Stashed } from './custom-id.js';
import { clickEvent, commandEvent, type Person, type Place } from './inbound.js';
import type { DiscordMessage } from './layout.js';
import { menuPage } from './menu.js';
import { suggest } from './suggest.js';

type Clicked = ButtonInteraction | StringSelectMenuInteraction;

/** Discord's codes for an interaction answered already, and one answered too late (after 3 s). */
const ALREADY_ACKNOWLEDGED = 40060;
const UNKNOWN_INTERACTION = 10062;
type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

export function person(user: User, member: GuildMember | APIInteractionGuildMember | null): Person {
  const nick = member instanceof GuildMember ? member.nickname : member?.nick;
  return { id: user.id, username: user.username, globalName: user.globalName, nick: nick ?? null, bot: user.bot };
}

function placeOf(i: Interaction): Place {
  const channel = i.channel;
  const name = channel && 'name' in channel && typeof channel.name === 'string' ? channel.name : null;
  return { guildId: i.guildId, channelId: i.channelId ?? '', channelName: name };
}

export function createInteractionHandler(kit: Kit) {
  const privately = (i: Interaction) => (i.inGuild() ? { flags: MessageFlags.Ephemeral as const } : {});

  async function autocomplete(i: AutocompleteInteraction) {
    const focused = i.options.getFocused(true);
    const source = kit.specs.get(i.commandName)?.options.find((o) => o.name === focused.name)?.autocomplete;
    await i.respond(suggest(source ? (kit.suggestions[source] ?? []) : [], String(focused.value)));
  }

  /**
   * Acknowledged before the store or the core is asked (either may be slow: a database failing over, a
   * busy pool, GitHub; Discord allows 3 s): private in a server, where only the asker should see the
   * answer, ordinary in a direct message.
   */
  const defer = (i: ChatInputCommandInteraction | Clicked) => i.deferReply(privately(i));

  /** Edits the core's answer into the deferred reply, follow-ups after it when it is long. */
  async function answer(i: ChatInputCommandInteraction | Clicked, event: () => InboundEvent) {
    const replies = await kit.dispatch(event());
    const messages: DiscordMessage[] = [];
    for (const r of replies) messages.push(...(await kit.render(r, i.locale)));
    let sent = 0;
    try {
      if (messages.length === 0) {
        // Nothing to say to a command is fine; a click nobody answers is a button from before a change.
        if (!i.isChatInputCommand()) await i.editReply(expiredText(i));
        else await i.deleteReply();
        return;
      }
      for (const m of messages) {
        if (sent === 0) await i.editReply({ ...m, allowedMentions: NO_MENTIONS });
        else await i.followUp({ ...m, allowedMentions: NO_MENTIONS, ...privately(i) });
        sent += 1;
      }
    } catch (err) {
      kit.log.error({ err: describeError(err), interaction: i.id, sent }, 'discord reply failed');
      const sorry = {
        content: kit.say(kit.localeOf(replies[0], i.locale), 'discord.send_failed'),
        allowedMentions: NO_MENTIONS,
      };
      await (sent === 0
        ? i.editReply({ ...sorry, embeds: [], components: [] })
        : i.followUp({ ...sorry, ...privately(i) })
      ).catch(() => undefined);
    }
  }

  /** A server outside the configured ones: one private sentence, without the core or the store. */
  async function elsewhere(i: Interaction) {
    if (i.isAutocomplete()) return void (await i.respond([]));
    if (!i.isRepliable()) return;
    kit.log.info({ guild: i.guildId, interaction: i.id }, 'discord interaction from a server the bot does not serve');
    await i.reply({
      content: kit.say(kit.localeOf(undefined, i.locale), 'discord.other_community'),
      allowedMentions: NO_MENTIONS,
      flags: MessageFlags.Ephemeral,
    });
  }

  const expiredText = (i: Clicked) => ({
    content: kit.say(kit.localeOf(undefined, i.locale), 'discord.menu_expired'),
    allowedMentions: NO_MENTIONS,
  });

  /**
   * Another page of a long menu: in place when only this person sees it, else as a private copy. The
   * click is acknowledged before the menu is read from the store, in the shape the page will take.
   */
  async function page(i: StringSelectMenuInteraction, key: string, n: number) {
    const inPlace = !i.inGuild() || i.message.flags.has(MessageFlags.Ephemeral);
    await (inPlace ? i.deferUpdate() : i.deferReply({ flags: MessageFlags.Ephemeral }));
    const menu = await kit.stashes.recall(key);
    if (menu?.kind !== 'menu') {
      // In place, the reply to edit is the person's own message: the notice goes after it instead.
      return void (await (inPlace ? i.followUp({ ...expiredText(i), ...privately(i) }) : i.editReply(expiredText(i))));
    }
    const row: Row = {
      type: ComponentType.ActionRow,
      components: [menuPage(menu, key, n, kit.words(kit.localeOf(undefined, i.locale)))],
    };
    if (!inPlace) return void (await i.editReply({ components: [row], allowedMentions: NO_MENTIONS }));
    const rows = i.message.components
      .map((r) => r.toJSON() as Row)
      .map((r) => (r.components?.some((c) => 'custom_id' in c && c.custom_id === menu.customId) ? row : r));
    await i.editReply({ components: rows, allowedMentions: NO_MENTIONS });
  }

  async function click(i: Clicked) {
    const values = i.isStringSelectMenu() ? i.values : undefined;
    const paging = pageOf(values);
    if (paging && i.isStringSelectMenu()) return page(i, paging.menu, paging.page);
    await defer(i);
    // Then what the remembered keys point to is read, so decoding stays a plain function.
    const known = new Map<string, Stashed>();
    for (const key of [i.customId, ...(values ?? [])].filter((k) => k.startsWith('#'))) {
      const item = await kit.stashes.recall(key);
      if (item) known.set(key, item);
    }
    const decoded = decode(i.customId, values, (key) => known.get(key));
    if (decoded?.kind !== 'action') return void (await i.editReply(expiredText(i)));
    const seen = { ...placeOf(i), id: i.id, user: person(i.user, i.member), locale: i.locale, ...decoded };
    return answer(i, () => clickEvent(seen, kit.me.workspaceId));
  }

  async function command(i: ChatInputCommandInteraction) {
    const options = i.options.data.map((o) => ({ name: o.name, value: o.value }));
    const seen = {
      ...placeOf(i),
      id: i.id,
      user: person(i.user, i.member),
      locale: i.locale,
      name: i.commandName,
      options,
    };
    await defer(i);
    await answer(i, () => commandEvent(seen, kit.specs.get(i.commandName), kit.me.workspaceId));
  }

  return async (i: Interaction): Promise<void> => {
    try {
      if (!kit.serves(i.guildId)) await elsewhere(i);
      else if (i.isAutocomplete()) await autocomplete(i);
      else if (i.isChatInputCommand()) await command(i);
      else if (i.isButton() || i.isStringSelectMenu()) await click(i);
    } catch (err) {
      const code = err instanceof DiscordAPIError ? err.code : undefined;
      // Another process logged in with the same token acknowledged it first: that one answers.
      if (code === ALREADY_ACKNOWLEDGED)
        return kit.log.info({ interaction: i.id }, 'discord interaction answered by another replica');
      kit.log.error(
        { err: describeError(err), interaction: i.id, type: i.type, late: code === UNKNOWN_INTERACTION },
        'discord interaction failed',
      );
    }
  };
}

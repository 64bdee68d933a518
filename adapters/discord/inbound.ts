// Turns what Discord delivered (a slash command, a click, a message) into the core's InboundEvent.
import type { CommandSpec, InboundEvent, Origin } from '../../src/core/index.js';

export interface Person {
  id: string;
  username: string;
  globalName?: string | null;
  /** The server nickname, when the person has one there. */
  nick?: string | null;
  bot?: boolean;
}

export interface Place {
  /** null in a direct message. */
  guildId: string | null;
  channelId: string;
  channelName?: string | null;
}

export interface SeenCommand extends Place {
  id: string;
  user: Person;
  locale?: string;
  name: string;
  options: readonly { name: string; value?: unknown }[];
}

export interface SeenClick extends Place {
  id: string;
  user: Person;
  locale?: string;
  actionId: string;
  value: string;
}

export interface SeenMessage extends Place {
  id: string;
  author: Person;
  content: string;
  system?: boolean;
  /** Discord says the bot was mentioned (by user, by its role, or by a reply that pings it). */
  mentionsBot: boolean;
}

export interface Me {
  /** The store's workspace for Discord: the application, since Discord user ids are global. */
  workspaceId: string;
  botId: string;
  /** The bot's own managed role in each server, which people often pick when they type @onramp. */
  botRoleIds: readonly string[];
}

export function originOf(place: Place, who: Person, workspaceId: string, locale?: string): Origin {
  return {
    platform: 'discord',
    workspaceId,
    channelId: place.channelId,
    ...(place.channelName ? { channelName: place.channelName } : {}),
    userId: who.id,
    userName: who.nick || who.globalName || who.username,
    ...(locale ? { locale } : {}),
    isDirect: place.guildId === null,
  };
}

/** Option values become the capability's text, in the order the command declares them. */
export function commandEvent(seen: SeenCommand, spec: CommandSpec | undefined, workspaceId: string): InboundEvent {
  const given = new Map(seen.options.map((o) => [o.name, o.value === undefined ? '' : String(o.value).trim()]));
  const order = spec ? spec.options.map((o) => o.name) : [...given.keys()];
  const args = order
    .map((name) => given.get(name) ?? '')
    .filter(Boolean)
    .join(' ');
  return {
    kind: 'command',
    id: seen.id,
    origin: originOf(seen, seen.user, workspaceId, seen.locale),
    name: seen.name,
    args,
  };
}

export function clickEvent(seen: SeenClick, workspaceId: string): InboundEvent {
  return {
    kind: 'action',
    id: seen.id,
    origin: originOf(seen, seen.user, workspaceId, seen.locale),
    actionId: seen.actionId,
    value: seen.value,
  };
}

/** Removes `<@bot>`, `<@!bot>` and `<@&botRole>` so the core reads only what the person asked. */
export function stripMentions(content: string, me: Me): string {
  const snowflake = (id: string) => /^\d{1,25}$/.test(id);
  const ids = [
    ...(snowflake(me.botId) ? [`@!?${me.botId}`] : []),
    ...me.botRoleIds.filter(snowflake).map((r) => `@&${r}`),
  ];
  const spaced = ids.length > 0 ? content.replace(new RegExp(`<(?:${ids.join('|')})>`, 'g'), ' ') : content;
  return spaced.replace(/\s+/g, ' ').trim();
}

/**
 * Messages reach the core only when they are meant for the bot: a direct message, a mention in a
 * server channel, or any message with text in a newcomer channel (`watched`; the core answers only clear
 * questions there). Bots (itself included) and system messages are ignored. `/name args` typed as text
 * is a command; a bare mention asks for help.
 */
export function messageEvent(seen: SeenMessage, me: Me, watched = false): InboundEvent | null {
  if (seen.author.bot || seen.author.id === me.botId || seen.system) return null;
  const direct = seen.guildId === null;
  if (!direct && !seen.mentionsBot && !(watched && seen.content.trim())) return null;
  const origin = originOf(seen, seen.author, me.workspaceId);
  const text = stripMentions(seen.content, me);
  const command = /^\/([\p{L}\p{N}_-]{1,32})(?:\s+([\s\S]*))?$/u.exec(text);
  if (command) return { kind: 'command', id: seen.id, origin, name: command[1]!.toLowerCase(), args: command[2] ?? '' };
  if (!text) return { kind: 'command', id: seen.id, origin, name: 'help', args: '' };
  return { kind: 'message', id: seen.id, origin, text, mentioned: seen.mentionsBot };
}

// How a neutral action (id and value) rides in Discord's custom_id and option values, 100 characters each.
import { createHash } from 'node:crypto';
import type { APISelectMenuOption } from 'discord.js';
import { LIMITS } from './limits.js';

/**
 * What does not fit inline is remembered under a digest of itself, so the same action always gets
 * the same key and rendering it again does not grow memory. Short ids and values (nearly all of
 * them) need no memory and keep working across restarts.
 */
export type Stashed =
  | { kind: 'action'; id: string; value: string }
  | { kind: 'value'; value: string }
  | { kind: 'menu'; customId: string; placeholder: string; options: APISelectMenuOption[] };

export type Stash = Map<string, Stashed>;

export type Decoded = { kind: 'action'; actionId: string; value: string } | { kind: 'expired' };

const SEP = '|';
/** Prefixes reserved by this adapter: `#` a remembered key, `~` a page of a long menu. */
const RESERVED = /^[#~]/;

export const digest = (s: string): string => `#${createHash('sha256').update(s).digest('base64url').slice(0, 22)}`;

function remember(stash: Stash, item: Stashed): string {
  const key = digest(JSON.stringify(item));
  stash.set(key, item);
  return key;
}

/** `id|value` when it fits and cannot be misread; otherwise a remembered key. */
export function buttonCustomId(id: string, value: string, stash: Stash): string {
  const inline = `${id}${SEP}${value}`;
  const readable = !id.includes(SEP) && !RESERVED.test(id) && id.length > 0;
  return readable && inline.length <= LIMITS.customId ? inline : remember(stash, { kind: 'action', id, value });
}

/** `id|*n`: the chosen option carries the value; `n` keeps two menus of one message apart. */
export function selectCustomId(id: string, n: number, stash: Stash): string {
  const inline = `${id}${SEP}*${n}`;
  const readable = !id.includes(SEP) && !RESERVED.test(id) && id.length > 0;
  return readable && inline.length <= LIMITS.customId
    ? inline
    : remember(stash, { kind: 'action', id, value: `*${n}` });
}

export function optionValue(value: string, stash: Stash): string {
  return value.length <= LIMITS.optionText && value.length > 0 && !RESERVED.test(value)
    ? value
    : remember(stash, { kind: 'value', value });
}

export function pageValue(menuKey: string, page: number): string {
  return `~${menuKey}:${page}`;
}

export function rememberMenu(stash: Stash, menu: Extract<Stashed, { kind: 'menu' }>): string {
  return remember(stash, menu);
}

/** The page of a long menu a choice asks for; read from the value alone, so the click can be acknowledged before any memory is. */
export function pageOf(values: readonly string[] | undefined): { menu: string; page: number } | null {
  const page = /^~(#[\w-]+):(\d{1,3})$/.exec(values?.[0] ?? '');
  return page ? { menu: page[1]!, page: Number(page[2]) } : null;
}

/** Reads a clicked button or a chosen option back into the neutral action; null when it is not ours. */
export function decode(
  customId: string,
  values: readonly string[] | undefined,
  recall: (key: string) => Stashed | undefined,
): Decoded | null {
  let id: string;
  let value: string;
  if (customId.startsWith('#')) {
    const item = recall(customId);
    if (item?.kind !== 'action') return { kind: 'expired' };
    ({ id, value } = item);
  } else {
    const at = customId.indexOf(SEP);
    if (at <= 0) return null;
    id = customId.slice(0, at);
    value = customId.slice(at + 1);
  }
  if (values === undefined) return { kind: 'action', actionId: id, value };
  const chosen = values[0];
  if (chosen === undefined) return null;
  if (chosen.startsWith('#')) {
    const item = recall(chosen);
    return item?.kind === 'value' ? { kind: 'action', actionId: id, value: item.value } : { kind: 'expired' };
  }
  return { kind: 'action', actionId: id, value: chosen };
}

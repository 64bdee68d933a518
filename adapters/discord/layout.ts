// Packs rendered pieces into as few Discord messages as the limits allow, splitting and never overflowing.
import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed, APIEmbedField } from 'discord.js';
import { ComponentType } from 'discord.js';
import { LIMITS, MAX_MESSAGES_PER_REPLY } from './limits.js';

export type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

export interface DiscordMessage {
  content?: string;
  embeds?: APIEmbed[];
  components?: Row[];
}

interface Draft {
  content: string;
  embeds: APIEmbed[];
  rows: Row[];
  ids: Set<string>;
}

const GAP = '\n\n';
const fresh = (): Draft => ({ content: '', embeds: [], rows: [], ids: new Set() });
const embedSize = (e: APIEmbed) =>
  (e.description?.length ?? 0) + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
const totalSize = (d: Draft) => d.embeds.reduce((n, e) => n + embedSize(e), 0);
const isEmpty = (d: Draft) => !d.content && d.embeds.length === 0 && d.rows.length === 0;

/**
 * Moves a cut back so it splits neither a surrogate pair nor an escape: after an odd run of
 * backslashes the next character is escaped, and cutting there would leave `@everyone` or `<@id>`
 * live at the start of the next message. (An even run is escaped backslashes and may end a piece.)
 */
function safeCut(text: string, at: number): number {
  if (at > 0 && /[\uD800-\uDBFF]/.test(text[at - 1]!)) at -= 1;
  let run = 0;
  while (at - run > 0 && text[at - run - 1] === '\\') run += 1;
  return run % 2 === 1 ? at - 1 : at;
}

/** Where a long text may be cut: the last line break, else the last space, else anywhere (not inside a pair or an escape). */
export function splitText(text: string, max: number): [string, string] {
  if (text.length <= max) return [text, ''];
  const window = text.slice(0, max + 1);
  let at = window.lastIndexOf('\n');
  if (at < max / 2) at = window.lastIndexOf(' ');
  if (at < max / 2) at = max;
  at = safeCut(text, at);
  return [text.slice(0, at).trimEnd(), text.slice(at).replace(/^\s+/, '')];
}

export function createLayout() {
  const done: Draft[] = [];
  let d = fresh();
  const next = () => {
    if (!isEmpty(d)) done.push(d);
    d = fresh();
  };

  /** Room for more text: the content before any embed, then a description embed after them (order kept). */
  function room(): number {
    if (d.embeds.length === 0) return LIMITS.content - d.content.length - (d.content ? GAP.length : 0);
    const tail = d.embeds.at(-1)!;
    const budget = LIMITS.embedTotal - totalSize(d);
    if (tail.fields === undefined)
      return Math.min(LIMITS.embedDescription - (tail.description?.length ?? 0) - GAP.length, budget - GAP.length);
    return d.embeds.length < LIMITS.embeds ? Math.min(LIMITS.embedDescription, budget) : 0;
  }

  function put(text: string) {
    if (d.embeds.length === 0) d.content = d.content ? `${d.content}${GAP}${text}` : text;
    else {
      const tail = d.embeds.at(-1)!;
      if (tail.fields === undefined) tail.description = `${tail.description}${GAP}${text}`;
      else d.embeds.push({ description: text });
    }
  }

  function text(markdown: string) {
    let rest = markdown.trim();
    while (rest) {
      const space = room();
      if (rest.length <= space) return put(rest);
      // A piece that would fit a message of its own starts one rather than being cut.
      if (!isEmpty(d) && rest.length <= LIMITS.content) {
        next();
        continue;
      }
      if (space < 200) {
        next();
        continue;
      }
      const [head, tail] = splitText(rest, space);
      put(head);
      rest = tail;
      if (rest) next();
    }
  }

  function fields(list: APIEmbedField[]) {
    for (const field of list) {
      const size = field.name.length + field.value.length;
      let embed = d.embeds.at(-1);
      const fits =
        embed?.fields !== undefined && embed.fields.length < LIMITS.fields && totalSize(d) + size <= LIMITS.embedTotal;
      if (!fits) {
        if (d.embeds.length >= LIMITS.embeds || totalSize(d) + size > LIMITS.embedTotal) next();
        embed = { fields: [] };
        d.embeds.push(embed);
      }
      embed!.fields!.push(field);
    }
  }

  /** A row of components; ids already used in this message are dropped (Discord requires them unique). */
  function row(components: APIComponentInMessageActionRow[]) {
    if (d.rows.length >= LIMITS.rows) next();
    const kept = components.filter((c) => {
      const id = 'custom_id' in c ? c.custom_id : undefined;
      if (id === undefined) return true;
      if (d.ids.has(id)) return false;
      d.ids.add(id);
      return true;
    });
    if (kept.length > 0) d.rows.push({ type: ComponentType.ActionRow, components: kept });
  }

  /** The messages, at most MAX_MESSAGES_PER_REPLY; what is cut shows `marker` at the end of the last one. */
  function finish(marker: string): DiscordMessage[] {
    next();
    const kept = done.slice(0, MAX_MESSAGES_PER_REPLY);
    if (done.length > kept.length) {
      const last = kept.at(-1)!;
      const base = last.content.slice(0, safeCut(last.content, LIMITS.content - marker.length - GAP.length));
      last.content = base ? `${base}${GAP}${marker}` : marker;
    }
    return kept.map((m) => ({
      ...(m.content ? { content: m.content } : {}),
      ...(m.embeds.length ? { embeds: m.embeds } : {}),
      ...(m.rows.length ? { components: m.rows } : {}),
    }));
  }

  return { text, fields, row, finish };
}

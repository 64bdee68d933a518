// Neutral markup → Discord markdown: the bot's own formatting kept, every literal character escaped.
import { parseMarkup, type MarkupToken } from '../../src/core/index.js';

/** A bare web address inside literal text; it stays unescaped, since a backslash would break the link. */
const BARE_URL = /https?:\/\/[^\s<>]*[^\s<>.,:;!?"')\]]/g;
/** Characters that start formatting, spoilers, mentions (`<@id>`, `@everyone`), timestamps or links anywhere. */
const INLINE = /[\\*_~`|<>[\]@]/g;
/** Markers that only count at the start of a line: headings, subtext, lists, quotes. */
const LINE_START = /^(\s*)(#|-|\+|\d+(?=\.))/gm;

/** Escapes without treating addresses specially: for link labels, where an address must not become a link. */
export function escapePlain(s: string): string {
  return s
    .replace(INLINE, (c) => `\\${c}`)
    .replace(LINE_START, (_, space: string, mark: string) =>
      /^\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`,
    );
}

/**
 * Escapes text that came from people, GitHub or content so it shows exactly as written. Discord drops
 * a backslash before any punctuation, so over-escaping is invisible while under-escaping is not.
 * Bare addresses are wrapped in `<…>`, which keeps them clickable without a preview card.
 */
export function escapeText(s: string): string {
  let out = '';
  let last = 0;
  for (const m of s.matchAll(BARE_URL)) {
    out += `${escapePlain(s.slice(last, m.index))}<${m[0]}>`;
    last = m.index + m[0].length;
  }
  return out + escapePlain(s.slice(last));
}

/** Emphasis markers only work hugging the text, so surrounding spaces stay outside them. */
function wrap(marker: string, text: string): string {
  const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return core ? `${lead}${marker}${escapeText(core)}${marker}${trail}` : text;
}

/** A masked link: `<url>` keeps it clickable without a preview card; safeUrl already encoded `<` and `>`. */
export function link(label: string, url: string): string {
  return `[${escapePlain(label.replace(/\s+/g, ' ').trim())}](<${url}>)`;
}

function token(t: MarkupToken): string {
  switch (t.kind) {
    case 'text':
      return escapeText(t.text);
    case 'bold':
      return wrap('**', t.text);
    case 'italic':
      return wrap('*', t.text);
    case 'code':
      // Inside code nothing is parsed (mentions included); only a backtick could end it early.
      return `\`${t.text.replace(/`/g, 'ˋ')}\``;
    case 'link':
      return t.text === t.url ? `<${t.url}>` : link(t.text, t.url);
  }
}

export function toMarkdown(markup: string): string {
  return parseMarkup(markup).map(token).join('');
}

// Neutral markup → Slack mrkdwn: every literal piece escaped, broadcasts defused, links rebuilt from safe URLs.
import { clip, parseMarkup } from '../../src/core/index.js';

/**
 * `&`, `<` and `>` are Slack's control characters: escaped, no text can form `<!channel>`, `<!here>`,
 * `<!everyone>`, `<@U…>` or a link. The broadcast words also get a zero-width space after the `@`, so
 * even a client or field that parses bare `@here` cannot notify anyone.
 */
export function escapeText(s: string): string {
  return defuseBroadcasts(s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

const defuseBroadcasts = (s: string) => s.replace(/@(here|channel|everyone)\b/gi, '@\u200b$1');

/** A URL inside `<url|label>`: `|` and `>` would end it early, `&` must be an entity. */
export function linkUrl(url: string): string {
  return url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
}

export function toMrkdwn(markup: string): string {
  return parseMarkup(markup)
    .map((t) => {
      switch (t.kind) {
        case 'text':
          return escapeText(t.text);
        case 'bold':
          return `*${escapeText(t.text)}*`;
        case 'italic':
          return `_${escapeText(t.text)}_`;
        case 'code':
          return `\`${escapeText(t.text)}\``;
        case 'link':
          return `<${linkUrl(t.url)}|${escapeText(t.text)}>`;
      }
    })
    .join('');
}

/**
 * Shortens already-escaped text to `max` characters, ending with `…`, without cutting an entity, a
 * `<link|label>` or a surrogate pair in half.
 */
export function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = s.slice(0, max - 1);
  const open = out.lastIndexOf('<');
  if (open > out.lastIndexOf('>')) out = out.slice(0, open);
  out = out.replace(/&[a-z]{0,5}$/, '');
  if (/[\ud800-\udbff]$/.test(out)) out = out.slice(0, -1);
  return `${out}…`;
}

/** Escapes plain text and fits it in `max` characters (escaping can lengthen it), for mrkdwn and `text`. */
export function plain(s: string, max: number): string {
  return cut(escapeText(s), max);
}

/**
 * Text for `plain_text` objects (button and option labels, placeholders). Slack reads markup only in mrkdwn
 * (docs.slack.dev, text object) and escapes `&`, `<`, `>` in plain_text itself (the stored message comes back
 * with `&amp;`, slackapi/bolt-python#513), so an entity sent there shows as typed: the text goes as written,
 * broadcast words still defused.
 */
export function plainText(s: string, max: number): string {
  // Slack refuses the whole message over one empty plain_text (invalid_blocks): a blank label shows "…".
  const defused = defuseBroadcasts(s);
  return clip(defused.trim() === '' ? '…' : defused, max);
}

/** Splits mrkdwn into pieces of at most `max` characters at line ends; an overlong line is cut. */
export function chunkLines(s: string, max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const line of s.split('\n')) {
    const piece = cut(line, max);
    if (current && current.length + 1 + piece.length > max) {
      out.push(current);
      current = piece;
    } else current = current ? `${current}\n${piece}` : piece;
  }
  if (current.trim()) out.push(current);
  return out;
}

// The neutral text markup (a small Markdown subset) that capabilities write and renderers translate.
//
// Syntax: **bold**, _italic_, `code`, [label](https://url). A backslash makes the next character
// literal. Values that come from people or from GitHub are passed through `escapeMarkup` (the
// translator does it for every interpolated parameter), so they can never turn into markup or links.

export type MarkupToken =
  | { kind: 'text'; text: string }
  | { kind: 'bold'; text: string }
  | { kind: 'italic'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'link'; text: string; url: string };

const SPECIAL = /[\\*_`[\]()]/g;

export function escapeMarkup(value: string): string {
  return value.replace(SPECIAL, (c) => `\\${c}`);
}

/** Only absolute http(s) URLs become links; anything else stays visible text. */
export function safeUrl(url: string): string | null {
  if (url.length > 2000) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    return parsed.toString();
  } catch {
    return null;
  }
}

type Scan = { text: string; end: number } | 'empty' | 'none';

/** Reads until `close` on the same line, honouring backslash escapes. */
function readUntil(src: string, from: number, close: string): Scan {
  let out = '';
  for (let i = from; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\' && i + 1 < src.length) {
      out += src[++i];
      continue;
    }
    if (src.startsWith(close, i)) return out.length > 0 ? { text: out, end: i + close.length } : 'empty';
    if (c === '\n') return 'none';
    out += c;
  }
  return 'none';
}

/**
 * Tokenizes in linear time: when a search for a closing marker runs to the end of the line, no later
 * opening on that line can succeed, so the failure is remembered instead of rescanning.
 */
export function parseMarkup(src: string): MarkupToken[] {
  const tokens: MarkupToken[] = [];
  const deadUntil = new Map<string, number>();
  const find = (from: number, close: string): { text: string; end: number } | null => {
    if (from < (deadUntil.get(close) ?? -1)) return null;
    const r = readUntil(src, from, close);
    if (r === 'none') {
      const nl = src.indexOf('\n', from);
      deadUntil.set(close, nl === -1 ? src.length : nl);
      return null;
    }
    return r === 'empty' ? null : r;
  };
  let plain = '';
  const flush = () => {
    if (plain) tokens.push({ kind: 'text', text: plain });
    plain = '';
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\' && i + 1 < src.length) {
      plain += src[i + 1];
      i += 2;
      continue;
    }
    let matched: { token: MarkupToken; end: number } | null = null;
    if (src.startsWith('**', i)) {
      const r = find(i + 2, '**');
      if (r) matched = { token: { kind: 'bold', text: r.text }, end: r.end };
    } else if (c === '_' || c === '`') {
      const r = find(i + 1, c);
      if (r) matched = { token: { kind: c === '_' ? 'italic' : 'code', text: r.text }, end: r.end };
    } else if (c === '[') {
      const label = find(i + 1, '](');
      const url = label ? find(label.end, ')') : null;
      const safe = url ? safeUrl(url.text) : null;
      if (label && safe) matched = { token: { kind: 'link', text: label.text, url: safe }, end: url!.end };
    }
    if (matched) {
      flush();
      tokens.push(matched.token);
      i = matched.end;
    } else {
      plain += c;
      i += 1;
    }
  }
  flush();
  return tokens;
}

/** Markup → plain text, for fallbacks, logs and the console. Links keep their address. */
export function markupToPlain(src: string): string {
  return parseMarkup(src)
    .map((t) => (t.kind === 'link' ? (t.text === t.url ? t.url : `${t.text} (${t.url})`) : t.text))
    .join('');
}

// The platform-neutral markup: parsing, escaped user text read back as is, safe links, control characters stripped.
import { describe, expect, it } from 'vitest';
import { escapeMarkup, markupToPlain, parseMarkup, safeUrl } from '../../src/core/markup.js';

describe('markup', () => {
  it('reads bold, italic, code and links', () => {
    expect(parseMarkup('**a** _b_ `c` [d](https://e.example/f)')).toEqual([
      { kind: 'bold', text: 'a' },
      { kind: 'text', text: ' ' },
      { kind: 'italic', text: 'b' },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'c' },
      { kind: 'text', text: ' ' },
      { kind: 'link', text: 'd', url: 'https://e.example/f' },
    ]);
  });

  it('turns escaped user text back into exactly the same literal text', () => {
    const hostile = '**[click](https://evil.example)** _x_ `y` \\ <!channel> @here';
    expect(parseMarkup(escapeMarkup(hostile))).toEqual([{ kind: 'text', text: hostile }]);
  });

  it('never makes a link of a non-http URL', () => {
    expect(parseMarkup('[x](javascript:alert(1))').some((t) => t.kind === 'link')).toBe(false);
    expect(safeUrl('file:///etc/passwd')).toBeNull();
    expect(safeUrl('not a url')).toBeNull();
  });

  it('leaves unmatched markers as text', () => {
    expect(markupToPlain('a * b _ c ` d [e] (f)')).toBe('a * b _ c ` d [e] (f)');
  });

  it('handles long unmatched runs without rescanning (huge pasted text)', () => {
    const line = '[x]('.repeat(50_000) + '`'.repeat(3);
    const out = markupToPlain(line);
    expect(out.length).toBe(line.length);
    expect(out === line).toBe(true);
  });
});

describe('stripControl', () => {
  it('drops terminal escapes and bidi overrides, keeps text, line breaks and tabs', async () => {
    const { stripControl } = await import('../../src/core/plain.js');
    expect(stripControl('a\u001b[31mred\u001b[0m\u202eb\tc\nd\u0007')).toBe('a[31mred[0mb\tc\nd');
  });
});

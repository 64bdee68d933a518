// Rendering replies for Discord: hostile text shown literally, safe links, and content split within Discord's limits.
import { describe, expect, it } from 'vitest';
import { decode, pageOf, type Stashed } from '../../adapters/discord/custom-id.js';
import { toMarkdown } from '../../adapters/discord/markdown.js';
import { menuPage, type Menu } from '../../adapters/discord/menu.js';
import { renderReply, type Words } from '../../adapters/discord/render.js';
import { buttons, choice, escapeMarkup, fields, items, text, type Block, type Reply } from '../../src/core/index.js';
import { messageProblems } from './fake-limits.js';

const words: Words = {
  more: 'Show more…',
  back: 'Back',
  range: (a, b, n) => `${a}–${b} of ${n}`,
  trimmed: '(shortened)',
};
const render = (...blocks: Block[]) => renderReply({ blocks }, words);
const line = (n: number, width = 99) => `line ${n} `.padEnd(width, 'x');

/** Every message must be one Discord accepts: the fake's own validation, the same that answers 400. */
function valid(reply: Reply) {
  const out = renderReply(reply, words);
  for (const m of out.messages) expect(messageProblems(m)).toEqual([]);
  return out;
}

describe('Discord markdown', () => {
  it('shows hostile text literally: no ping, mention, link, spoiler or heading can come from it', () => {
    const hostile =
      '@everyone @here <@123> <@&456> <#789> **loud** [click](https://evil.example) ||hidden|| ~~gone~~ `x`';
    const md = toMarkdown(escapeMarkup(hostile));
    expect(md).not.toMatch(/(^|[^\\])@(everyone|here)/);
    expect(md).not.toMatch(/(^|[^\\])<[@#]/);
    expect(md).not.toMatch(/(^|[^\\])\*\*/);
    expect(md).not.toMatch(/(^|[^\\])\[click\]/);
    expect(md).not.toMatch(/(^|[^\\])\|\|/);
    expect(toMarkdown(escapeMarkup('# Big\n> quote\n- item\n1. first'))).toBe(
      '\\# Big\n\\> quote\n\\- item\n1\\. first',
    );
  });

  it("keeps the bot's own formatting and links, without preview cards", () => {
    expect(toMarkdown('**Bold** _it_ `code` [guide](https://www.kubernetes.dev/docs/guide/)')).toBe(
      '**Bold** *it* `code` [guide](<https://www.kubernetes.dev/docs/guide/>)',
    );
  });

  it('leaves bare addresses intact (a backslash would break them) and clickable', () => {
    const url = 'https://github.com/kubernetes/community/blob/master/first_contribution.md';
    expect(toMarkdown(escapeMarkup(`read ${url}.`))).toBe(`read <${url}>.`);
  });

  it('never turns a non-web address into a link', () => {
    expect(toMarkdown('[x](javascript:alert(1))')).toBe('\\[x\\](javascript:alert(1))');
  });
});

describe('rendering within Discord limits', () => {
  it('puts text in content, fields in an embed and buttons in a row, in the order given', () => {
    const { messages } = render(
      text('Intro'),
      fields([{ label: 'Channel', value: '#sig-network' }]),
      text('After'),
      buttons([{ id: 'sig.pick', label: 'Join', value: 'sig-network' }]),
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]!.content).toBe('Intro');
    expect(messages[0]!.embeds).toEqual([
      { fields: [{ name: 'Channel', value: '\\#sig-network', inline: false }] },
      { description: 'After' },
    ]);
    expect(messages[0]!.components![0]!.components).toEqual([
      { type: 2, style: 2, label: 'Join', custom_id: 'sig.pick|sig-network' },
    ]);
  });

  it('splits long text at line breaks into several messages, losing nothing', () => {
    const long = Array.from({ length: 50 }, (_, i) => line(i)).join('\n'); // about 5,000 characters
    const { messages } = valid({ blocks: [text(long)] });
    expect(messages).toHaveLength(3);
    expect(messages.map((m) => m.content).join('\n')).toBe(toMarkdown(long));
  });

  it('never cuts between a backslash and the character it escapes, so no split message can ping', () => {
    // 9 + 10 × 199 = 1,999: the 200th `\@everyone` starts on the last character of the first message.
    const flood = `${'x'.repeat(9)}${'@everyone'.repeat(400)}`;
    const { messages } = valid({ blocks: [text(escapeMarkup(flood))] });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages.slice(0, -1)) expect(m.content).not.toMatch(/(^|[^\\])(\\\\)*\\$/);
    for (const m of messages) expect(m.content).not.toMatch(/(^|[^\\])(\\\\)*@everyone/);
    expect(messages.map((m) => m.content).join('')).toBe(toMarkdown(escapeMarkup(flood)));
    // Escaped backslashes in front (`\\\@` each): the cut falls after three, and only the third, which escapes `@`, moves.
    const slashes = `${'x'.repeat(9)}${'\\@'.repeat(700)}`;
    const split = valid({ blocks: [text(escapeMarkup(slashes))] }).messages;
    for (const m of split.slice(0, -1)) expect(m.content).not.toMatch(/(^|[^\\])(\\\\)*\\$/);
    expect(split.map((m) => m.content).join('')).toBe(toMarkdown(escapeMarkup(slashes)));
  });

  it('trims a reply that would need more than five messages, with a visible marker', () => {
    const huge = Array.from({ length: 200 }, (_, i) => line(i)).join('\n'); // about 20,000 characters
    const { messages } = valid({ blocks: [text(huge)] });
    expect(messages).toHaveLength(5);
    expect(messages.at(-1)!.content).toMatch(/\(shortened\)$/);
  });

  it('spreads many long fields over embeds of 25 fields and 6,000 characters', () => {
    const list = Array.from({ length: 30 }, (_, i) => ({ label: `Field ${i}`, value: 'v'.repeat(300) }));
    const { messages } = valid({ blocks: [fields(list)] });
    const all = messages.flatMap((m) => m.embeds ?? []).flatMap((e) => e.fields ?? []);
    expect(all.map((f) => f.name)).toEqual(list.map((f) => f.label));
  });

  it('clips an oversized field, title or label with an ellipsis instead of failing', () => {
    const { messages } = valid({
      blocks: [
        fields([{ label: 'L'.repeat(400), value: 'v'.repeat(3000) }]),
        buttons([{ id: 'x', label: 'B'.repeat(200), value: '1' }]),
        items([{ title: 'T'.repeat(5000) }]),
      ],
    });
    const f = messages[0]!.embeds![0]!.fields![0]!;
    expect(f.name).toHaveLength(256);
    expect(f.value.endsWith('…')).toBe(true);
  });

  it('puts at most five buttons in a row and five rows in a message', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ id: 'sig.pick', label: `G${i}`, value: `g${i}` }));
    const { messages } = valid({ blocks: [buttons(many)] });
    expect(messages.map((m) => m.components!.length)).toEqual([5, 1]);
    expect(messages.flatMap((m) => m.components!.flatMap((r) => r.components))).toHaveLength(30);
  });

  it('numbers item buttons so each says which item it acts on, and drops exact duplicates', () => {
    const { messages } = valid({
      blocks: [
        items(
          [1, 2].map((n) => ({
            title: `Issue ${n}`,
            button: { id: 'claim', label: 'I want this', value: `o/r#${n}` },
          })),
        ),
        buttons([{ id: 'claim', label: 'again', value: 'o/r#1' }]),
      ],
    });
    const labels = messages[0]!.components!.flatMap((r) => r.components.map((c) => ('label' in c ? c.label : '')));
    expect(labels).toEqual(['1. I want this', '2. I want this']);
  });

  it('shows a long choice in pages of 24 with a "more" option, recommendations first', () => {
    const options = Array.from({ length: 35 }, (_, i) => ({ label: `Group ${i}`, value: `g-${i}` }));
    const { messages, stash } = valid({ blocks: [choice('sig.pick', 'Pick', options)] });
    const select = messages[0]!.components![0]!.components[0] as {
      options: { value: string; label: string }[];
      custom_id: string;
    };
    expect(select.options).toHaveLength(25);
    expect(select.options[0]!.value).toBe('g-0');
    const more = select.options.at(-1)!;
    expect(more.label).toBe('Show more…');
    // A click on "more" is recognised from the option's value alone (interactions.ts pages before decoding).
    const page = pageOf([more.value]);
    expect(page).toMatchObject({ page: 1 });
    const key = page!.menu;
    const second = menuPage(stash.get(key) as Menu, key, 1, words);
    expect(second.options.map((o) => o.value).slice(0, 11)).toEqual(options.slice(24).map((o) => o.value));
    expect(second.options.at(-1)!.label).toBe('Back');
    expect(messageProblems({ components: [{ type: 1, components: [second] }] })).toEqual([]);
  });

  it('keeps custom_ids within 100 characters whatever the action id and value', () => {
    const value = 'kubernetes-sigs/some-very-long-repository-name-for-testing#123456789'.repeat(2);
    const { messages, stash } = valid({
      blocks: [
        buttons([{ id: 'issues.claim:from-digest', label: 'Claim', value }]),
        choice('sig.pick', 'Pick', [{ label: 'Long', value }]),
      ],
    });
    const [button] = messages[0]!.components![0]!.components as { custom_id: string }[];
    const [select] = messages[0]!.components![1]!.components as { custom_id: string; options: { value: string }[] }[];
    expect(button!.custom_id.length).toBeLessThanOrEqual(100);
    const recall = (k: string): Stashed | undefined => stash.get(k);
    expect(decode(button!.custom_id, undefined, recall)).toEqual({
      kind: 'action',
      actionId: 'issues.claim:from-digest',
      value,
    });
    expect(decode(select!.custom_id, [select!.options[0]!.value], recall)).toEqual({
      kind: 'action',
      actionId: 'sig.pick',
      value,
    });
    expect(decode(button!.custom_id, undefined, () => undefined)).toEqual({ kind: 'expired' });
  });

  it('never produces a message Discord would refuse, whatever the mix (200 random replies)', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const word = () => ['go', '@everyone', '<@1>', '**', 'networking', 'https://x.dev/a_b', '\n', 'é', '😀'][rand(9)]!;
    const str = (max: number) => Array.from({ length: rand(max) + 1 }, word).join(' ');
    for (let r = 0; r < 200; r++) {
      const blocks: Block[] = Array.from({ length: rand(12) + 1 }, (): Block => {
        switch (rand(5)) {
          case 0:
            return text(str(800));
          case 1:
            return fields(Array.from({ length: rand(40) }, () => ({ label: str(80), value: str(400) })));
          case 2:
            return buttons(
              Array.from({ length: rand(12) + 1 }, () => ({ id: `a.${rand(3)}`, label: str(30), value: str(40) })),
            );
          case 3:
            return choice(
              `c.${rand(2)}`,
              str(60),
              Array.from({ length: rand(60) }, () => ({ label: str(40), value: str(50), description: str(40) })),
            );
          default:
            return items(
              Array.from({ length: rand(15) + 1 }, () => ({
                title: str(60),
                url: 'https://github.com/k/k/issues/1',
                detail: str(60),
                button: { id: 'claim', label: 'Work on it', value: str(20) },
              })),
            );
        }
      });
      const { messages } = valid({ blocks });
      if (blocks.some((b) => b.type === 'text')) expect(messages.length).toBeGreaterThan(0);
      expect(messages.length).toBeLessThanOrEqual(5);
    }
  });
});

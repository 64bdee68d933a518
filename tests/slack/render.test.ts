// Rendering for Slack: mrkdwn that defuses mentions and links, safe cuts and splits, and Block Kit within its limits.
import { describe, expect, it } from 'vitest';
import { buttons, choice, divider, fields, items, reply, text } from '../../src/core/blocks.js';
import { escapeMarkup } from '../../src/core/markup.js';
import { chunkLines, cut, escapeText, toMrkdwn } from '../../adapters/slack/mrkdwn.js';
import { LIMITS, neutralActionId, renderHome, renderMessage } from '../../adapters/slack/render.js';
import { blocksText } from './fake-slack.js';

const HOSTILE =
  '<!channel> <!here|here> <!everyone> <@U123> <#C1|x> <https://evil.example|click> & @here @channel @everyone';
const json = (x: unknown) => JSON.stringify(x);
const shownText = blocksText;
/** The `text` of every text object of one type, in order. */
function textsOf(node: unknown, type: 'mrkdwn' | 'plain_text'): string[] {
  if (Array.isArray(node)) return node.flatMap((x) => textsOf(x, type));
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  if (o.type === type && typeof o.text === 'string') return [o.text];
  return Object.values(o).flatMap((v) => textsOf(v, type));
}
/** No Slack control sequence and no bare broadcast word survives rendering. */
function expectDefused(out: unknown) {
  const s = json(out);
  expect(s).not.toMatch(/<[!@#]/);
  expect(s).not.toMatch(/<https?:\/\/evil/);
  expect(s).not.toMatch(/@(here|channel|everyone)/i);
}

describe('mrkdwn', () => {
  it.each([
    ['plain text', 'a < b & c > d', 'a &lt; b &amp; c &gt; d'],
    ['bold, italic, code', '**bold** _it_ `x<y`', '*bold* _it_ `x&lt;y`'],
    [
      'a link from trusted markup',
      '[the guide](https://k8s.dev/guide?a=1&b=2)',
      '<https://k8s.dev/guide?a=1&amp;b=2|the guide>',
    ],
    ['a link whose URL would break out', '[x](https://k8s.dev/a|b>c)', '<https://k8s.dev/a%7Cb%3Ec|x>'],
    ['a javascript: link stays text', '[x](javascript:alert(1))', '[x](javascript:alert(1))'],
    ['escaped user text cannot become a link', escapeMarkup('[x](https://evil.example)'), '[x](https://evil.example)'],
    ['broadcast words get a zero-width space', 'ping @here and @Channel', 'ping @\u200bhere and @\u200bChannel'],
  ])('%s', (_name, markup, expected) => {
    expect(toMrkdwn(markup)).toBe(expected);
  });

  it('defuses every mention, broadcast and link a person or an issue title could carry', () => {
    expectDefused(toMrkdwn(escapeMarkup(HOSTILE)));
    expectDefused(escapeText(HOSTILE));
  });

  it('cuts without breaking an entity, a link or a surrogate pair, and marks the cut', () => {
    expect(cut('abc&amp;def', 6)).toBe('abc…');
    expect(cut('ab <https://x.io|y> z', 10)).toBe('ab …');
    expect(cut('ab😀cd', 4)).toBe('ab…');
    expect(cut('short', 10)).toBe('short');
  });

  it('splits long text at line ends within the limit', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i} ${'x'.repeat(50)}`);
    const chunks = chunkLines(lines.join('\n'), 3000);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(3000);
    expect(chunks.join('\n')).toBe(lines.join('\n'));
  });
});

describe('Block Kit rendering', () => {
  it('renders each neutral block, with verbatim mrkdwn and a plain-text fallback', () => {
    const out = renderMessage(
      reply(
        text('**Hi** there'),
        items([
          {
            title: 'Fix the <docs>',
            url: 'https://github.com/k/k/issues/1',
            detail: '`kind/docs`',
            button: { id: 'claim.take', label: 'I want it', value: 'k/k#1' },
          },
        ]),
        fields([{ label: 'Leads', value: 'Ada (ada)' }]),
        choice('sig.pick', 'Pick a SIG', [
          { label: 'Network', value: 'sig-network', description: 'sig-network · special interest group' },
        ]),
        buttons([{ id: 'sig.pick', label: 'Join', value: 'sig-docs', style: 'primary' }]),
        divider(),
      ),
    );
    expect(out.blocks.map((b) => b.type)).toEqual(['section', 'section', 'section', 'actions', 'actions', 'divider']);
    expect(json(out.blocks[0])).toContain('"text":"*Hi* there","verbatim":true');
    expect(json(out.blocks[1])).toContain('<https://github.com/k/k/issues/1|Fix the &lt;docs&gt;>');
    expect(json(out.blocks[1])).toContain('"accessory":{"type":"button","action_id":"claim.take~0"');
    expect(json(out.blocks[3])).toContain('"text":"Network (sig-network · special interest group)"');
    expect(json(out.blocks[4])).toContain('"style":"primary"');
    expect(out.text).toContain('Fix the &lt;docs&gt;');
  });

  it('makes repeated action ids unique within a message, and reads them back', () => {
    const out = renderMessage(
      reply(
        buttons([
          { id: 'sig.leave', label: 'Leave', value: 'a' },
          { id: 'sig.leave', label: 'Leave', value: 'b' },
        ]),
        choice('x.pick:3', 'p', [{ label: 'a', value: 'a' }]),
      ),
    );
    const ids = out.blocks.flatMap((b) =>
      'elements' in b ? (b.elements as { action_id: string }[]).map((e) => e.action_id) : [],
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.map(neutralActionId)).toEqual(['sig.leave', 'sig.leave', 'x.pick:3']);
  });

  it('clamps to Block Kit limits and says how much was left out', () => {
    const many = Array.from({ length: 130 }, (_, i) => ({ label: `Group ${i} ${'n'.repeat(100)}`, value: `g${i}` }));
    const picker = renderMessage(reply(choice('sig.pick', 'p'.repeat(300), many))).blocks;
    const select = (picker[0] as { elements: { options: unknown[]; placeholder: { text: string } }[] }).elements[0]!;
    expect(select.options).toHaveLength(100);
    expect(select.placeholder.text.length).toBeLessThanOrEqual(150);
    expect(json(picker[1])).toContain('… (+30)');

    const out = renderMessage(
      reply(
        fields(Array.from({ length: 12 }, (_, i) => ({ label: `L${i}`, value: i < 2 ? 'v'.repeat(2500) : 'v' }))),
        items([{ title: 'Issue', detail: 'd'.repeat(4000) }]),
      ),
    );
    const sections = out.blocks.filter((b) => b.type === 'section') as {
      text?: { text: string };
      fields?: { text: string }[];
    }[];
    expect(sections.map((s) => s.fields?.length ?? 0)).toEqual([10, 2, 0]);
    for (const s of sections) {
      if (s.text) expect(s.text.text.length).toBeLessThanOrEqual(3000);
      for (const f of s.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(2000);
      expect((s.fields ?? []).length).toBeLessThanOrEqual(10);
    }
    const actions = renderMessage(
      reply(buttons(Array.from({ length: 30 }, (_, i) => ({ id: 'b', label: 'L'.repeat(100), value: String(i) })))),
    ).blocks as {
      elements: { text: { text: string } }[];
    }[];
    expect(actions.map((a) => a.elements.length)).toEqual([25, 5]);
    for (const a of actions) for (const e of a.elements) expect(e.text.text.length).toBeLessThanOrEqual(75);
  });

  it('keeps at most 50 blocks, the last one saying how many were left out', () => {
    const out = renderMessage(reply(items(Array.from({ length: 60 }, (_, i) => ({ title: `Issue ${i}` })))));
    expect(out.blocks).toHaveLength(LIMITS.messageBlocks);
    expect(json(out.blocks.at(-1))).toContain('… (+11)');
  });

  it('fits a huge FAQ-like answer under the text Slack accepts across blocks, and says the rest was left out', () => {
    const paragraph = (i: number) =>
      `**Question ${i}**: how do I sign the CLA? ${'Read [the guide](https://k8s.dev/guide) and ask in #sig-contribex. '.repeat(40)}`;
    const huge = reply(
      text(Array.from({ length: 50 }, (_, i) => paragraph(i)).join('\n\n')),
      buttons([{ id: 'faq.more', label: 'More', value: 'm' }]),
    );
    for (const blocks of [renderMessage(huge).blocks, renderHome(huge).blocks]) {
      expect(shownText(blocks)).toBeGreaterThan(8_000);
      expect(shownText(blocks)).toBeLessThanOrEqual(11_000);
      expect(json(blocks[0])).toContain('*Question 0*');
      expect(json(blocks.at(-1))).toMatch(/… \(\+\d+\)/);
    }
  });

  it('escapes every piece of hostile text: titles, labels, options, fields, fallback', () => {
    const h = HOSTILE;
    const out = renderMessage(
      reply(
        text(escapeMarkup(h)),
        items([{ title: h, detail: escapeMarkup(h), button: { id: 'x', label: h, value: 'v' } }]),
        fields([{ label: h, value: escapeMarkup(h) }]),
        choice('c', h, [{ label: h, value: 'v', description: h }]),
      ),
    );
    // Slack parses mrkdwn and the fallback; plain_text it shows as written, where only bare broadcasts matter.
    expectDefused([out.text, textsOf(out.blocks, 'mrkdwn')]);
    const labels = textsOf(out.blocks, 'plain_text');
    expect(labels).toHaveLength(3); // the button, the placeholder, the option: all of them hostile
    for (const label of labels) expect(label).not.toMatch(/@(here|channel|everyone)/i);
  });

  it('shows button and menu labels as written: plain_text is not read for entities', () => {
    const out = renderMessage(
      reply(
        items([{ title: 'Docs', button: { id: 'x', label: 'Q&A <docs>', value: 'v' } }]),
        choice('c', 'Pick one & go', [{ label: 'Docs & Tools', value: 'v', description: 'sig-docs <docs>' }]),
      ),
    );
    expect(textsOf(out.blocks, 'plain_text')).toEqual([
      'Q&A <docs>',
      'Pick one & go',
      'Docs & Tools (sig-docs <docs>)',
    ]);
  });

  it('renders App Home as a home view of up to 100 blocks', () => {
    const home = renderHome(reply(...Array.from({ length: 120 }, (_, i) => text(`line ${i}`))));
    expect(home.type).toBe('home');
    expect(home.blocks).toHaveLength(LIMITS.homeBlocks);
  });

  it('never sends an empty plain_text, which would make Slack refuse the whole message', () => {
    const out = renderMessage(
      reply(choice('c', ' ', [{ label: '', value: 'a' }]), buttons([{ id: 'b', label: '  ', value: 'x' }])),
    );
    const texts = JSON.stringify(out.blocks).match(/"type":"plain_text","text":"[^"]*"/g) ?? [];
    expect(texts).toHaveLength(3);
    for (const t of texts) expect(t).toBe('"type":"plain_text","text":"…"');
  });

  it('never sends an empty fallback or an empty select', () => {
    const out = renderMessage(reply(choice('c', 'p', [])));
    expect(out.blocks).toEqual([]);
    expect(out.text.length).toBeGreaterThan(0);
  });
});

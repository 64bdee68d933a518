// Renders replies as terminal text; every select option and button gets a number to type.
import { markupToPlain, type Block, type Locale, type Lookup, type Reply } from '../../src/core/index.js';

export interface ConsoleAction {
  actionId: string;
  value: string;
}

export interface RenderedConsole {
  text: string;
  /** actions[n - 1] is what typing `n` does. */
  actions: ConsoleAction[];
}

/** Control characters (ANSI escapes included) are dropped so text from chat cannot drive the terminal. */
export function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}

function renderBlock(block: Block, actions: ConsoleAction[], pickHint: string): string {
  const numbered = (actionId: string, value: string, label: string) => {
    actions.push({ actionId, value });
    return `[${actions.length}] ${clean(label)}`;
  };
  switch (block.type) {
    case 'text':
      return clean(markupToPlain(block.text));
    case 'items':
      return block.items
        .map((it) => {
          const lines = [`• ${clean(it.title)}${it.url ? ` <${clean(it.url)}>` : ''}`];
          if (it.detail) lines.push(...clean(markupToPlain(it.detail)).split('\n').map((l) => `  ${l}`));
          if (it.button) lines.push(`  ${numbered(it.button.id, it.button.value, it.button.label)}`);
          return lines.join('\n');
        })
        .join('\n');
    case 'fields':
      return block.fields.map((f) => `${clean(f.label)}: ${clean(markupToPlain(f.value)).replace(/\n/g, '\n  ')}`).join('\n');
    case 'choice':
      return [`${clean(block.placeholder)} (${pickHint}):`, ...block.options.map((o) => `  ${numbered(block.id, o.value, o.label)}`)].join('\n');
    case 'buttons':
      return block.buttons.map((b) => numbered(b.id, b.value, b.label)).join('   ');
    case 'divider':
      return '';
  }
}

/** The console's own words come from the locales when a lookup is given, in the reply's language. */
export function renderConsole(replies: Reply[], say?: Lookup): RenderedConsole {
  const actions: ConsoleAction[] = [];
  const hint = (locale: Locale | undefined) => say?.(locale ?? 'en', 'console.pick_hint') ?? 'type a number';
  const text = replies.map((r) => r.blocks.map((b) => renderBlock(b, actions, hint(r.locale))).join('\n')).join('\n\n');
  return { text, actions };
}

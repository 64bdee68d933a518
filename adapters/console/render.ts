// Renders replies as terminal text; every select option and button gets a number to type.
import { markupToPlain, stripControl, type Block, type Locale, type Reply } from '../../src/core/index.js';

export interface ConsoleAction {
  actionId: string;
  value: string;
}

export interface RenderedConsole {
  text: string;
  /** actions[n - 1] is what typing `n` does. */
  actions: ConsoleAction[];
}

function renderBlock(block: Block, actions: ConsoleAction[], pickHint: string): string {
  const numbered = (actionId: string, value: string, label: string) => {
    actions.push({ actionId, value });
    return `[${actions.length}] ${stripControl(label)}`;
  };
  switch (block.type) {
    case 'text':
      return stripControl(markupToPlain(block.text));
    case 'items':
      return block.items
        .map((it) => {
          const lines = [`• ${stripControl(it.title)}${it.url ? ` <${stripControl(it.url)}>` : ''}`];
          if (it.detail)
            lines.push(
              ...stripControl(markupToPlain(it.detail))
                .split('\n')
                .map((l) => `  ${l}`),
            );
          if (it.button) lines.push(`  ${numbered(it.button.id, it.button.value, it.button.label)}`);
          return lines.join('\n');
        })
        .join('\n');
    case 'fields':
      return block.fields
        .map((f) => `${stripControl(f.label)}: ${stripControl(markupToPlain(f.value)).replace(/\n/g, '\n  ')}`)
        .join('\n');
    case 'choice':
      return [
        `${stripControl(block.placeholder)} (${pickHint}):`,
        ...block.options.map((o) => `  ${numbered(block.id, o.value, o.label)}`),
      ].join('\n');
    case 'buttons':
      return block.buttons.map((b) => numbered(b.id, b.value, b.label)).join('   ');
    case 'divider':
      return '';
  }
}

/** The console's own words (`say`, from the locales) are in the reply's language. */
export function renderConsole(replies: Reply[], say: (locale: Locale, key: string) => string): RenderedConsole {
  const actions: ConsoleAction[] = [];
  const hint = (locale: Locale | undefined) => say(locale ?? 'en', 'console.pick_hint');
  const text = replies.map((r) => r.blocks.map((b) => renderBlock(b, actions, hint(r.locale))).join('\n')).join('\n\n');
  return { text, actions };
}

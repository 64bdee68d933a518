// Select menus: at most 25 options, so a longer choice is shown in pages with a "more" option.
import { ComponentType, type APISelectMenuOption, type APIStringSelectComponent } from 'discord.js';
import type { ChoiceOption } from '../../src/core/index.js';
import { clip } from '../../src/core/index.js';
import { optionValue, pageValue, rememberMenu, type Stash, type Stashed } from './custom-id.js';
import { LIMITS } from './limits.js';

/** The adapter's own words, in the reply's language. */
export interface MenuWords {
  more: string;
  /** Describes the next page, e.g. "25–35 of 35". */
  range: (from: number, to: number, total: number) => string;
  back: string;
}

/** One option is kept for "more" (or "back to the first ones" on the last page). */
const PAGE = LIMITS.selectOptions - 1;

export type Menu = Extract<Stashed, { kind: 'menu' }>;

export function menuOptions(options: ChoiceOption[], stash: Stash): APISelectMenuOption[] {
  const seen = new Set<string>();
  const out: APISelectMenuOption[] = [];
  for (const o of options) {
    const value = optionValue(o.value, stash);
    if (seen.has(value)) continue; // Discord rejects a menu with two equal values
    seen.add(value);
    const label = clip(o.label.trim() || o.value, LIMITS.optionText);
    out.push({
      label,
      value,
      ...(o.description?.trim() ? { description: clip(o.description.trim(), LIMITS.optionText) } : {}),
    });
  }
  return out;
}

/** Page `page` of a menu; the options of every page are in the order the capability gave (recommendations first). */
export function menuPage(menu: Menu, menuKey: string, page: number, words: MenuWords): APIStringSelectComponent {
  const total = menu.options.length;
  const last = Math.max(0, Math.ceil(total / PAGE) - 1);
  const at = Math.min(Math.max(page, 0), last);
  const options = menu.options.slice(at * PAGE, at * PAGE + PAGE);
  if (at < last) {
    const from = (at + 1) * PAGE + 1;
    const to = Math.min(total, (at + 2) * PAGE);
    options.push({
      label: clip(words.more, LIMITS.optionText),
      value: pageValue(menuKey, at + 1),
      description: clip(words.range(from, to, total), LIMITS.optionText),
    });
  } else if (at > 0) {
    options.push({
      label: clip(words.back, LIMITS.optionText),
      value: pageValue(menuKey, 0),
      description: clip(words.range(1, PAGE, total), LIMITS.optionText),
    });
  }
  return select(menu, options);
}

function select(menu: Menu, options: APISelectMenuOption[]): APIStringSelectComponent {
  const placeholder = menu.placeholder.trim();
  return {
    type: ComponentType.StringSelect,
    custom_id: menu.customId,
    ...(placeholder ? { placeholder } : {}),
    min_values: 1,
    max_values: 1,
    options,
  };
}

/** A whole choice as one select; long ones remember every option so later pages can be shown. */
export function selectMenu(
  customId: string,
  placeholder: string,
  options: APISelectMenuOption[],
  stash: Stash,
  words: MenuWords,
): APIStringSelectComponent {
  const menu: Menu = { kind: 'menu', customId, placeholder: clip(placeholder, LIMITS.placeholder), options };
  if (options.length <= LIMITS.selectOptions) return select(menu, options);
  return menuPage(menu, rememberMenu(stash, menu), 0, words);
}

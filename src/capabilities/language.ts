// Lets a person choose the language the bot answers in, or go back to automatic detection.
import { text } from '../core/blocks.js';
import type { Capability } from '../core/capability.js';
import type { LocaleChoice } from './ports.js';
import { UserError } from '../core/errors.js';
import { isLocale } from '../core/i18n.js';

const AUTO = new Set(['auto', 'automatic', 'automatique']);
const NAMES: Record<string, string> = { english: 'en', anglais: 'en', french: 'fr', français: 'fr', francais: 'fr' };

export const language: Capability<LocaleChoice> = {
  id: 'language',
  usage: '/language en | fr | auto',
  command: [{ name: 'language', required: true }],
  async run(input, ctx) {
    const wanted = input.text.trim().toLowerCase();
    if (AUTO.has(wanted)) {
      await ctx.localeChoice.set(ctx.user, null, ctx.now());
      return { blocks: [text(ctx.t('language.auto'))], private: true };
    }
    const code = NAMES[wanted] ?? wanted;
    // The languages are the content's (its locale files), not a list in code.
    if (!isLocale(code) || !ctx.translator.locales.includes(code))
      throw new UserError('language.unknown', {
        value: wanted.slice(0, 20),
        choices: [...ctx.translator.locales, 'auto'].join(', '),
      });
    await ctx.localeChoice.set(ctx.user, code, ctx.now());
    // Answer in the language just chosen, so the change is visible at once.
    return { blocks: [text(ctx.translator.bind(code, ctx.where)('language.set'))], private: true, locale: code };
  },
};

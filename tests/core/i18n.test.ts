import { describe, expect, it } from 'vitest';
import { createTranslator, placeholders, toLocale } from '../../src/core/i18n.js';
import { parseMarkup } from '../../src/core/markup.js';

const t = createTranslator({
  en: { hello: 'Hello **{name}**', only_en: 'English only', list: 'See {itemsMarkup}' },
  fr: { hello: 'Bonjour **{name}**', list: 'Voir {itemsMarkup}' },
});

describe('translator', () => {
  it('translates per locale and falls back to English', () => {
    expect(t.bind('fr')('hello', { name: 'Ada' })).toBe('Bonjour **Ada**');
    expect(t.bind('fr')('only_en')).toBe('English only');
  });

  it('escapes parameters so a name cannot inject markup or links', () => {
    const out = t.bind('en')('hello', { name: '[x](https://evil.example)' });
    expect(parseMarkup(out)).toEqual([{ kind: 'text', text: 'Hello ' }, { kind: 'bold', text: '[x](https://evil.example)' }]);
  });

  it('trusts only parameters named *Markup', () => {
    expect(t.bind('en')('list', { itemsMarkup: '**a**' })).toBe('See **a**');
  });

  it('maps platform locales', () => {
    expect(toLocale('fr-FR')).toBe('fr');
    expect(toLocale('en-US')).toBe('en');
    expect(toLocale('de')).toBeUndefined();
    expect(placeholders('{a} and {b}')).toEqual(['a', 'b']);
  });
});

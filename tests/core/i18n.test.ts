// The translator: per-locale text with English fallback, escaped parameters, plurals, and platform command names.
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
    expect(parseMarkup(out)).toEqual([
      { kind: 'text', text: 'Hello ' },
      { kind: 'bold', text: '[x](https://evil.example)' },
    ]);
  });

  it('trusts only parameters named *Markup', () => {
    expect(t.bind('en')('list', { itemsMarkup: '**a**' })).toBe('See **a**');
  });

  it("chooses singular or plural by each language's rules", () => {
    const counted = createTranslator({
      en: { n: '{count} {count:issue|issues}' },
      fr: { n: '{count} {count:issue libre|issues libres}' },
    });
    expect([0, 1, 2].map((count) => counted.bind('en')('n', { count }))).toEqual(['0 issues', '1 issue', '2 issues']);
    expect([0, 1, 2].map((count) => counted.bind('fr')('n', { count }))).toEqual([
      '0 issue libre',
      '1 issue libre',
      '2 issues libres',
    ]);
    expect(placeholders('{count} {count:a|b} {name}')).toEqual(['count', 'name']);
  });

  it('maps platform locales', () => {
    expect(toLocale('fr-FR')).toBe('fr');
    expect(toLocale('en-US')).toBe('en');
    expect(toLocale('de')).toBeUndefined();
    expect(placeholders('{a} and {b}')).toEqual(['a', 'b']);
  });

  describe('names slash commands as the platform shows them', () => {
    const named = createTranslator(
      {
        en: {
          try: 'Try /sig, then /issues docs (see kubernetes/issues and `/sig`). Asked: {q}',
          'discord.command.contribute.name': 'contribute',
          start: 'Start with /contribute',
        },
        fr: {
          try: 'Essayez /sig.',
          'discord.command.contribute.name': 'contribuer',
          start: 'Commencez par /contribute ou /contribute-more',
        },
      },
      { commandNames: { slack: { sig: '/k8s-sig', issues: '/k8s-issues' } } },
    );

    it("uses a Slack workspace's renamed commands in the bot's sentences, never in the person's words or inside paths", () => {
      const out = named.bind('en', { platform: 'slack' })('try', { q: 'what is /sig?' });
      expect(out).toBe(
        'Try /k8s-sig, then /k8s-issues docs (see kubernetes/issues and `/k8s-sig`). Asked: what is /sig?',
      );
      expect(named.bind('en', { platform: 'discord' })('try')).toContain('Try /sig, then /issues docs');
      expect(named.bind('en')('try')).toContain('Try /sig, then /issues docs');
    });

    it("uses Discord's French command names where the client is French, whatever language the answer is in", () => {
      expect(named.bind('fr', { platform: 'discord', platformLocale: 'fr' })('start')).toBe(
        'Commencez par /contribuer ou /contribute-more',
      );
      // Without the client's language (a mention, a DM, a digest), the names every client lists.
      expect(named.bind('fr', { platform: 'discord' })('start')).toBe('Commencez par /contribute ou /contribute-more');
      expect(named.bind('en', { platform: 'discord', platformLocale: 'fr' })('start')).toBe('Start with /contribuer');
      expect(named.bind('fr', { platform: 'discord', platformLocale: 'en' })('start')).toBe(
        'Commencez par /contribute ou /contribute-more',
      );
      expect(named.bind('fr', { platform: 'slack' })('start')).toBe('Commencez par /contribute ou /contribute-more');
      expect(named.nameCommands('/sig [interests]', { platform: 'slack' })).toBe('/k8s-sig [interests]');
    });

    it("names a community's own commands on every platform, under the platform's renames", () => {
      const teams = createTranslator(
        {
          en: { try: 'Try /sig or /contribute.', 'discord.command.contribute.name': 'contribute' },
          fr: { 'discord.command.contribute.name': 'contribuer' },
        },
        { communityCommands: { sig: 'team' }, commandNames: { slack: { contribute: '/fw-contribute' } } },
      );
      expect(teams.bind('en')('try')).toBe('Try /team or /contribute.');
      expect(teams.bind('en', { platform: 'console' })('try')).toBe('Try /team or /contribute.');
      expect(teams.bind('en', { platform: 'discord', platformLocale: 'fr' })('try')).toBe('Try /team or /contribuer.');
      expect(teams.bind('en', { platform: 'slack' })('try')).toBe('Try /team or /fw-contribute.');
      // SLACK_COMMAND_NAMES still wins on Slack.
      const renamed = createTranslator(
        { en: { try: 'Try /sig.' } },
        { communityCommands: { sig: 'team' }, commandNames: { slack: { sig: '/fw-team' } } },
      );
      expect(renamed.bind('en', { platform: 'slack' })('try')).toBe('Try /fw-team.');
      expect(renamed.bind('en', { platform: 'discord' })('try')).toBe('Try /team.');
    });
  });
});

// Language detection: French from English on short messages, unsure with nothing to go on, mixed messages, and
// the languages a community's content adds.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import { createNlu } from '../../src/nlu/index.js';
import { createLanguageDetector, detectLanguage } from '../../src/nlu/language.js';

describe('language detection', () => {
  it('tells French from English on short messages', () => {
    for (const t of [
      'merci !',
      'Quel SIG me conseillez-vous ?',
      "j'aimerais aider",
      'y a-t-il des issues faciles ?',
      'Salut tout le monde',
    ]) {
      expect({ t, ...detectLanguage(t) }).toMatchObject({ t, lang: 'fr' });
      expect(detectLanguage(t).confidence).toBeGreaterThanOrEqual(0.6);
    }
    for (const t of ['thanks!', 'any good first issues?', "I'd like to work on this", 'which SIG should I join?']) {
      expect({ t, ...detectLanguage(t) }).toMatchObject({ t, lang: 'en' });
      expect(detectLanguage(t).confidence).toBeGreaterThanOrEqual(0.6);
    }
  });

  it('is not sure when there is nothing to go on, and says so', () => {
    for (const t of ['', 'ok', '/lgtm', 'sig-network', 'hello', '🙂'])
      expect(detectLanguage(t).confidence).toBeLessThan(0.6);
    expect(detectLanguage('ok', 'fr').lang).toBe('fr');
  });

  it('picks the language that dominates a mixed message', () => {
    expect(detectLanguage('je voudrais contribuer mais I only know Go, par où commencer ?').lang).toBe('fr');
    expect(detectLanguage('I would like to help with the docs, mais je parle français').lang).toBe('en');
  });
});

describe('languages from content (nlu/languages.yaml)', () => {
  it('recognises a language a community adds, and only the languages its content speaks', async () => {
    const fernwood = createNlu(await loadContent({ dir: 'tests/fixtures/fernwood' }));
    for (const t of ['¿cómo puedo contribuir?', 'hay issues faciles?', 'quiero trabajar en #812', '¡gracias!']) {
      expect({ t, ...fernwood.understand(t) }).toMatchObject({ t, lang: 'es' });
      expect(fernwood.understand(t).langConfidence).toBeGreaterThanOrEqual(0.6);
    }
    expect(fernwood.understand('any good first issues?').lang).toBe('en');
    // Fernwood speaks no French: a French message is never answered in a language its content lacks.
    expect(fernwood.understand("Bonjour, j'aimerais contribuer").lang).not.toBe('fr');
    // The Kubernetes content speaks English and French, not Spanish.
    expect(createNlu(await loadContent({ dir: 'content' })).understand('¿cómo puedo contribuir?').lang).not.toBe('es');
  });

  it('counts a word two languages share for neither', () => {
    const words = { strong: [], marks: [], stopwords: [] };
    const detect = createLanguageDetector({
      fr: { ...words, words: ['que', 'pour'] },
      es: { ...words, words: ['que', 'para'] },
    });
    expect(detect('que', 'en')).toEqual({ lang: 'en', confidence: 0 });
    expect(detect('que pour', 'en').lang).toBe('fr');
    expect(detect('que para', 'en').lang).toBe('es');
  });
});

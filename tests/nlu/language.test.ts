// Language detection: French from English on short messages, unsure with nothing to go on, and mixed messages.
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/nlu/language.js';

describe('language detection', () => {
  it('tells French from English on short messages', () => {
    for (const t of ['merci !', 'Quel SIG me conseillez-vous ?', "j'aimerais aider", 'y a-t-il des issues faciles ?', 'Salut tout le monde']) {
      expect({ t, ...detectLanguage(t) }).toMatchObject({ t, lang: 'fr' });
      expect(detectLanguage(t).confidence).toBeGreaterThanOrEqual(0.6);
    }
    for (const t of ['thanks!', 'any good first issues?', "I'd like to work on this", 'which SIG should I join?']) {
      expect({ t, ...detectLanguage(t) }).toMatchObject({ t, lang: 'en' });
      expect(detectLanguage(t).confidence).toBeGreaterThanOrEqual(0.6);
    }
  });

  it('is not sure when there is nothing to go on, and says so', () => {
    for (const t of ['', 'ok', '/lgtm', 'sig-network', 'hello', '🙂']) expect(detectLanguage(t).confidence).toBeLessThan(0.6);
    expect(detectLanguage('ok', 'fr').lang).toBe('fr');
  });

  it('picks the language that dominates a mixed message', () => {
    expect(detectLanguage('je voudrais contribuer mais I only know Go, par où commencer ?').lang).toBe('fr');
    expect(detectLanguage('I would like to help with the docs, mais je parle français').lang).toBe('en');
  });
});

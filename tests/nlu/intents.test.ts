// Intent classification on unseen messages in English and French, the precedence rule, and the probabilities.
import { describe, expect, it } from 'vitest';
import { cleanForUnderstanding } from '../../src/nlu/clean.js';
import { defaultIntentClassifier } from '../../src/nlu/intents.js';
import type { Intent } from '../../src/nlu/types.js';

// Messages written for these tests only (they are not among the training examples in content/nlu/).
const CASES: Record<Intent, { en: string[]; fr: string[] }> = {
  claim_issue: {
    en: [
      'hey, could this one be assigned to me? I think I can fix it tonight',
      'Is anybody on this already? If not I would like to pick it up',
    ],
    fr: ["Bonjour, est-ce que je peux m'occuper de ce ticket ?", 'Je me charge du fichier glossary.po'],
  },
  find_issues: {
    en: [
      'Do you have some easy bugs left for a newcomer like me?',
      'what could I work on this weekend? any beginner issues?',
    ],
    fr: ['Auriez-vous une tâche facile pour un débutant ?', 'Y a-t-il des bugs simples à corriger pour commencer ?'],
  },
  recommend_sig: {
    en: [
      'I mostly do storage and databases at work, which SIG would suit me?',
      'Which group works on the scheduler? I would love to join it',
    ],
    fr: [
      "Quel groupe me conseillez-vous ? J'aime le réseau et le DNS",
      'Dans quelle équipe serais-je utile avec mon expérience en sécurité ?',
    ],
  },
  contribute_howto: {
    en: [
      'Hi all, I just found this project. How can I start contributing?',
      'I would really like to get involved, what are the first steps?',
    ],
    fr: [
      'Bonjour, comment puis-je commencer à contribuer au projet ?',
      "J'aimerais participer au projet, par où commencer ?",
    ],
  },
  other: {
    en: [
      'Thanks a lot for the review!',
      '/lgtm',
      'Still working on it, I will push an update tomorrow',
      'The SIG call is moved to Thursday 5pm UTC',
      'Feel free to open a PR, no need to be assigned',
      'Closing as a duplicate of #42',
    ],
    fr: [
      'Merci pour la relecture !',
      "J'ai avancé, je pousse la suite demain",
      'La réunion de jeudi est annulée',
      "Tu peux ouvrir une PR directement, pas besoin d'être assigné",
    ],
  },
};

const classify = (text: string) => defaultIntentClassifier().classify(cleanForUnderstanding(text));

describe('intent classification', () => {
  for (const [intent, byLang] of Object.entries(CASES)) {
    for (const [lang, messages] of Object.entries(byLang)) {
      it(`reads ${intent} in ${lang === 'en' ? 'English' : 'French'}`, () => {
        for (const m of messages) expect({ m, intent: classify(m).intent }).toEqual({ m, intent });
      });
    }
  }

  it('applies the precedence rule: the most specific request wins', () => {
    // A claim beats a request for issues, which beats a SIG question, which beats a general wish.
    expect(
      classify('I want to contribute and I like networking. Any good first issues? Or can I take #314?').intent,
    ).toBe('claim_issue');
    expect(classify('I know Go and like networking; are there good first issues in that area?').intent).toBe(
      'find_issues',
    );
    expect(classify('I want to contribute! Which SIG should I join? I like testing.').intent).toBe('recommend_sig');
    // Listing skills without asking about an area stays a general wish.
    expect(classify('I have five years of Java and some Python, I would like to contribute').intent).toBe(
      'contribute_howto',
    );
  });

  it('gives a probability per intent that sums to one, and a confidence that is the winning probability', () => {
    const guess = classify('Which SIG should I join if I like storage?');
    const total = Object.values(guess.probabilities).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 6);
    expect(guess.confidence).toBe(Math.max(...Object.values(guess.probabilities)));
    expect(guess.confidence).toBeGreaterThan(0.8);
    // A vague remark is not claimed with certainty.
    expect(classify('hmm maybe').confidence).toBeLessThan(guess.confidence);
  });
});

// FAQ retrieval: questions in other words find their entry, unanswerable ones stay below the threshold, EN and FR.
import { describe, expect, it } from 'vitest';
import { FAQ_CONFIDENT } from '../../src/capabilities/faq.js';
import { createNlu } from '../../src/nlu/index.js';
import { realContent } from '../helpers/deps.js';
import { startTestBot } from '../helpers/test-bot.js';

const bot = async () => (await startTestBot()).adapter;

// Asked in words that are not the FAQ's own questions.
const ANSWERED: [string, 'en' | 'fr', string][] = [
  ['the CLA check on my PR is red, what do I do?', 'en', 'cla'],
  ['how can I rerun the failed tests on my pull request?', 'en', 'prow-commands'],
  ['my PR has had no review for two weeks', 'en', 'review-waiting'],
  ['can anyone attend SIG meetings?', 'en', 'meetings'],
  ['how do I apply to GSoC with kubernetes', 'en', 'mentoring'],
  ['ma PR attend une relecture depuis longtemps', 'fr', 'review-waiting'],
  ['quand a lieu la réunion du SIG', 'fr', 'meetings'],
  ['que veut dire /lgtm', 'fr', 'prow-commands'],
];
const UNSURE: [string, 'en' | 'fr'][] = [
  ['what is the weather today', 'en'],
  ['how do I configure an nginx ingress with TLS', 'en'],
  ['how do I contribute?', 'en'],
  ['quel temps fait-il', 'fr'],
  ['mon pod redémarre sans arrêt', 'fr'],
];

describe('FAQ retrieval', () => {
  it('finds the entry for questions asked in other words, above the confidence threshold, in both languages', async () => {
    const nlu = createNlu(await realContent());
    for (const [q, locale, id] of ANSWERED) {
      const answer = nlu.answerFaq(q, locale);
      expect({ q, id: answer?.entry.id, sure: (answer?.score ?? 0) >= FAQ_CONFIDENT }).toEqual({ q, id, sure: true });
    }
  });

  it('stays below the threshold for questions the FAQ does not answer (and for vague ones)', async () => {
    const nlu = createNlu(await realContent());
    for (const [q, locale] of UNSURE)
      expect({ q, score: (nlu.answerFaq(q, locale)?.score ?? 0) < FAQ_CONFIDENT }).toEqual({ q, score: true });
  });

  it('answers a confident question with the answer and its links, and says so honestly otherwise', async () => {
    const adapter = await bot();
    const answered = await adapter.say('/retest does what exactly? my PR tests failed');
    expect(answered.text).toContain('Prow');
    expect(answered.text).toContain('https://prow.k8s.io/command-help');
    const unsure = await adapter.say('what is the weather like in Lisbon?');
    expect(unsure.text).toContain("I'm not sure I understood");
    expect(unsure.text).toContain('https://www.kubernetes.dev/docs/guide/');
  });

  it('answers in French with French links labels', async () => {
    const adapter = await bot();
    const said = await adapter.say('comment signer la CLA ?');
    expect(said.text).toContain('EasyCLA');
    expect(said.text).toContain('Guide de la CLA');
  });
});

// Courtesy: a lone thank-you or greeting is recognised in English and French and gets a human answer.
import { describe, expect, it } from 'vitest';
import { courtesyOf } from '../../src/nlu/courtesy.js';
import { cleanForUnderstanding } from '../../src/nlu/clean.js';
import { spellOut } from '../../src/nlu/phrasing.js';
import { startTestBot } from '../helpers/test-bot.js';

const of = (text: string) => courtesyOf(spellOut(cleanForUnderstanding(text)));

describe('courtesy', () => {
  it('recognises a thank-you or a greeting on its own, in English and French', () => {
    for (const t of [
      'thanks!',
      'Thank you so much :)',
      'ok thanks',
      'thx',
      'Merci beaucoup !',
      "D'accord, merci",
      'merci à tous',
    ])
      expect(of(t), t).toBe('thanks');
    for (const t of ['hello', 'Hi there!', '@onramp hey', 'Bonjour', 'salut tout le monde'])
      expect(of(t), t).toBe('greeting');
  });

  it('leaves anything with a request in it to understanding', () => {
    for (const t of [
      'thanks, but how do I contribute?',
      'hi, any good first issues?',
      'thanks for the PR, lgtm',
      'bonjour, comment contribuer ?',
    ])
      expect(of(t), t).toBeUndefined();
  });

  it('gets a human answer in the person language instead of "not sure"', async () => {
    const { adapter } = await startTestBot();
    expect((await adapter.say('thanks!')).text).toMatch(/You're welcome/);
    expect((await adapter.say('merci beaucoup !')).text).toMatch(/Avec plaisir/);
    // Another person: the first one's last message was French, which a bare "hello" does not outweigh.
    expect((await adapter.say('hello', { userId: 'U2' })).text).toMatch(/how do I contribute/);
  });
});

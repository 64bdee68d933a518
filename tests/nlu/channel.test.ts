// The newcomer-channel rule: answer sure requests made to nobody in particular, never someone else's conversation.
import { describe, expect, it } from 'vitest';
import { addressedToSomeoneElse, CHANNEL_CONFIDENCE, channelSpeaks } from '../../src/nlu/channel.js';
import { startTestBot } from '../helpers/test-bot.js';

describe('addressedToSomeoneElse', () => {
  it('sees a message opening on a person, on any platform', () => {
    for (const text of [
      '@ana can I take this one?',
      '<@U024BE7LH> any good first issues?',
      '<@!8123> how do I contribute?',
      'hi @ana, can I take it?',
      'thanks @bob! which SIG fits me?',
    ])
      expect(addressedToSomeoneElse(text), text).toBe(true);
  });

  it('sees a reply to a quoted message', () => {
    expect(addressedToSomeoneElse('> is anyone on this?\nyes, I am, sorry for the delay')).toBe(true);
  });

  it('leaves a message to everyone alone, even one that names someone later', () => {
    for (const text of [
      'can I take this one?',
      'hi all! any good first issues? I asked @ana yesterday',
      'which SIG fits someone who likes storage?',
    ])
      expect(addressedToSomeoneElse(text), text).toBe(false);
  });
});

describe('channelSpeaks', () => {
  const sure = { intent: 'find_issues' as const, confidence: CHANNEL_CONFIDENCE + 0.05 };
  it('speaks only on a sure request to nobody in particular', () => {
    expect(channelSpeaks(sure, 'any good first issues?')).toBe(true);
    expect(channelSpeaks({ ...sure, confidence: CHANNEL_CONFIDENCE - 0.05 }, 'any good first issues?')).toBe(false);
    expect(channelSpeaks({ ...sure, intent: 'other' }, 'any good first issues?')).toBe(false);
    expect(channelSpeaks(sure, '@ana any good first issues?')).toBe(false);
    expect(channelSpeaks(sure, 'any good first issues?', { inThread: true })).toBe(false);
    expect(channelSpeaks(sure, 'any good first issues?', { byMaintainer: true })).toBe(false);
  });
});

describe('in a newcomer channel', () => {
  const newcomer = {
    isDirect: false,
    channelId: 'C2',
    channelName: 'kubernetes-contributors',
    platform: 'slack' as const,
  };
  it('answers a request to everyone, and stays out of a request made to someone else or a maintainer reply', async () => {
    const { adapter } = await startTestBot();
    expect((await adapter.say('any good first issues for a beginner?', newcomer)).replies).toHaveLength(1);
    expect((await adapter.say('<@U024BE7LH> any good first issues for a beginner?', newcomer)).replies).toEqual([]);
    expect(
      (await adapter.say('Thanks! I have added the good first issue label, feel free to pick it up.', newcomer))
        .replies,
    ).toEqual([]);
  });
});

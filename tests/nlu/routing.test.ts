// When the bot speaks: silent on newcomer-channel chatter and elsewhere unless asked, always on DMs and mentions.
import { describe, expect, it } from 'vitest';
import { capabilities } from '../../src/capabilities/index.js';
import { createBot } from '../../src/wiring/bot.js';
import { testDeps } from '../helpers/deps.js';
import { createTestAdapter } from '../helpers/test-adapter.js';

async function setup() {
  const deps = await testDeps();
  const adapter = createTestAdapter();
  await adapter.start(createBot(deps, capabilities).dispatch);
  return adapter;
}

const newcomer = { isDirect: false, channelId: 'C9', channelName: 'kubernetes-novice', platform: 'slack' as const };
const random = { isDirect: false, channelId: 'C8', channelName: 'random', platform: 'slack' as const };

// What a busy newcomer channel is mostly made of: none of it is a request to the bot.
const CHATTER = [
  'Thanks for the quick review!',
  '/lgtm',
  '/assign @someone',
  'Sure, go ahead and open a PR, no need to be assigned',
  'I pushed the fix, can you take another look?',
  'The SIG Docs meeting moved to Wednesday',
  'lol same',
  'Closing this since it was fixed in #1200',
  'Welcome @ada, glad to have you here!',
  'Still working on it, PR coming tomorrow',
  'merci pour la relecture',
  'la réunion est décalée à jeudi',
];

describe('when the bot speaks', () => {
  it('stays silent on chatter in a newcomer channel', async () => {
    const adapter = await setup();
    for (const line of CHATTER)
      expect({ line, replies: (await adapter.say(line, newcomer)).replies }).toEqual({ line, replies: [] });
  });

  it('stays silent on clear requests outside newcomer channels unless mentioned', async () => {
    const adapter = await setup();
    expect((await adapter.say('How do I start contributing?', random)).replies).toEqual([]);
    expect((await adapter.say('Which SIG should I join? I like storage', random)).replies).toEqual([]);
    expect((await adapter.say('How do I start contributing?', { ...random, mentioned: true })).replies).not.toEqual([]);
  });

  it('answers clear requests in a newcomer channel, in both languages', async () => {
    const adapter = await setup();
    expect((await adapter.say('Hi! How do I start contributing to Kubernetes?', newcomer)).text).toContain('CLA');
    expect((await adapter.say('Which SIG should I join? I like volumes and CSI', newcomer)).text).toContain('Storage');
    expect((await adapter.say('Bonjour, comment contribuer au projet ?', newcomer)).text).toContain('CLA');
    expect((await adapter.say('Quel SIG me conseillez-vous ? J’aime le réseau', newcomer)).text).toContain(
      'sig-network',
    );
  });

  it('always answers a direct message or a mention, with an honest fallback when nothing matched', async () => {
    const adapter = await setup();
    for (const line of ['asdf qwerty', 'lol same', '🙂']) {
      const said = await adapter.say(line);
      expect(said.replies).not.toEqual([]);
      expect(said.text).toMatch(/not sure|\/help/);
    }
    const mentioned = await adapter.say('blorp', { ...random, mentioned: true });
    expect(mentioned.text).toMatch(/not sure/);
  });
});

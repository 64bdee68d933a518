// The core's routing, language choice, error boundary and first-delivery check, through the whole bot.
import { describe, expect, it } from 'vitest';
import { text } from '../../src/core/blocks.js';
import type { Capability } from '../../src/core/capability.js';
import { UserError } from '../../src/core/errors.js';
import { testDeps } from '../helpers/deps.js';
import { startTestBot } from '../helpers/test-bot.js';
import { createBot } from '../../src/wiring/bot.js';

const echo: Capability = {
  id: 'echo',
  usage: '/echo',
  command: [],
  intents: ['contribute_howto'],
  actions: ['echo.pick'],
  async run(input, ctx) {
    if (input.text === 'fail') throw new Error('boom with a secret xoxb-123');
    if (input.text === 'user') throw new UserError('sig.not_found', { name: 'zzz' });
    return {
      blocks: [text(`${ctx.locale}:${input.action ? `${input.action.id}=${input.action.value}` : input.text}`)],
    };
  },
};
const fallback: Capability = {
  id: 'fb',
  usage: '',
  command: false,
  intents: ['other'],
  run: async () => ({ blocks: [text('fallback')] }),
};

const setup = (env: Record<string, string> = {}) => startTestBot({ env, capabilities: [echo, fallback] });

describe('bot routing', () => {
  it('routes a command to the capability with that id', async () => {
    const { adapter } = await setup();
    expect((await adapter.command('echo', 'hi')).text).toBe('en:hi');
  });

  it('answers commands and clicks privately, whatever the capability chose; messages as it chose', async () => {
    const { adapter } = await setup();
    expect((await adapter.command('echo', 'hi', { isDirect: false, channelId: 'C9' })).replies[0]!.private).toBe(true);
    expect((await adapter.click('echo.pick', 'x', { isDirect: false, channelId: 'C9' })).replies[0]!.private).toBe(
      true,
    );
    expect((await adapter.say('how do I contribute?')).replies[0]!.private).toBeUndefined();
  });

  it('routes an action back to the capability that owns it', async () => {
    const { adapter } = await setup();
    expect((await adapter.click('echo.pick:3', 'sig-network')).text).toBe('en:echo.pick:3=sig-network');
  });

  it('answers an unknown command with the commands it knows', async () => {
    const { adapter } = await setup();
    const said = await adapter.command('nope');
    expect(said.replies[0]!.private).toBe(true);
    expect(said.text).toContain('/nope');
    expect(said.text).toContain('/echo');
  });

  it('answers a direct message, falling back when the intent is other', async () => {
    const { adapter } = await setup();
    expect((await adapter.say('how do I contribute?')).text).toBe('en:how do I contribute?');
    expect((await adapter.say('asdfgh qwerty')).text).toBe('fallback');
  });

  it('stays silent on channel chatter, and on questions outside newcomer channels', async () => {
    const { adapter } = await setup();
    const channel = { isDirect: false, channelId: 'C1', channelName: 'random' };
    expect((await adapter.say('lunch anyone?', channel)).replies).toEqual([]);
    expect((await adapter.say('how do I contribute?', channel)).replies).toEqual([]);
  });

  it('answers a confident question in a newcomer channel, and anything when mentioned', async () => {
    const { adapter } = await setup();
    const newcomer = {
      isDirect: false,
      channelId: 'C2',
      channelName: 'kubernetes-contributors',
      platform: 'slack' as const,
    };
    expect((await adapter.say('how do I contribute?', newcomer)).text).toBe('en:how do I contribute?');
    expect((await adapter.say('lunch anyone?', newcomer)).replies).toEqual([]);
    expect((await adapter.say('lunch anyone?', { ...newcomer, mentioned: true })).text).toBe('fallback');
  });

  it('turns a UserError into a private translated message', async () => {
    const { adapter } = await setup();
    const said = await adapter.command('echo', 'user');
    expect(said.replies[0]!.private).toBe(true);
    expect(said.text).toContain('zzz');
  });

  it('logs an internal error with the event id, never shows it, and apologises', async () => {
    const { adapter, deps } = await setup();
    const said = await adapter.command('echo', 'fail');
    expect(said.text).toMatch(/Sorry/);
    expect(said.text).not.toContain('boom');
    const logged = deps.logLines.find((l) => l.msg === 'event failed');
    expect(logged?.eventId).toBeDefined();
    // The error is in the log, its token scrubbed.
    expect(JSON.stringify(logged)).toContain('boom with a secret [redacted]');
    expect(JSON.stringify(deps.logLines)).not.toContain('xoxb-123');
  });

  it('answers in French when the message is French and no language is stored', async () => {
    const { adapter } = await setup();
    expect((await adapter.command('echo', 'comment contribuer au projet ?')).text).toMatch(/^fr:/);
    expect((await adapter.command('echo', '', { locale: 'fr-FR' })).text).toMatch(/^fr:/);
  });

  it('prefers the stored language over detection', async () => {
    const { adapter, deps } = await setup();
    await deps.store.users.setLocale({ platform: 'test', workspaceId: 'W1', userId: 'U1' }, 'en', new Date());
    expect((await adapter.command('echo', 'comment contribuer au projet ?')).text).toMatch(/^en:/);
  });

  it('uses DEFAULT_LOCALE when nothing else tells', async () => {
    const { adapter } = await setup({ DEFAULT_LOCALE: 'fr' });
    expect((await adapter.command('echo', '')).text).toMatch(/^fr:/);
  });
});

describe('once, not twice', () => {
  const origin = {
    platform: 'test' as const,
    workspaceId: 'W1',
    channelId: 'C1',
    channelName: 'random',
    userId: 'U9',
    userName: 'Ada',
    isDirect: false,
  };
  const chatter = { kind: 'message' as const, id: 'e1', origin, text: 'lunch anyone?', mentioned: false };
  const command = { kind: 'command' as const, id: 'e2', origin, name: 'echo', args: 'hi' };

  async function counted() {
    const deps = await testDeps();
    const calls = { reads: 0, writes: 0, asked: 0 };
    const { get, noteSeenLocale } = deps.store.users;
    deps.store.users.get = (user) => (calls.reads++, get(user));
    deps.store.users.noteSeenLocale = (...args) => (calls.writes++, noteSeenLocale(...args));
    return { bot: createBot(deps, [echo, fallback]), calls };
  }

  it('never asks whether an event is a first delivery when it will not answer, and touches no store', async () => {
    const { bot, calls } = await counted();
    const firstDelivery = async () => (calls.asked++, true);
    expect(await bot.dispatch(chatter, { firstDelivery })).toEqual([]);
    expect(calls).toEqual({ reads: 0, writes: 0, asked: 0 });
  });

  it('answers a first delivery, and drops a redelivery before any store read or write', async () => {
    const { bot, calls } = await counted();
    const [first] = await bot.dispatch(
      { ...command, args: 'comment contribuer au projet ?' },
      { firstDelivery: async () => (calls.asked++, true) },
    );
    expect(first).toBeDefined();
    expect(calls).toEqual({ reads: 1, writes: 1, asked: 1 });
    expect(await bot.dispatch(command, { firstDelivery: async () => (calls.asked++, false) })).toEqual([]);
    expect(calls).toEqual({ reads: 1, writes: 1, asked: 2 });
  });
});

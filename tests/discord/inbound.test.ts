// Which Discord messages and interactions become bot events, what text they carry, and SIG autocomplete from memory.
import { describe, expect, it } from 'vitest';
import { commandEvent, messageEvent, type Me, type SeenMessage } from '../../adapters/discord/inbound.js';
import { suggest } from '../../adapters/discord/suggest.js';
import { sigSuggestions } from '../../src/content/suggestions.js';
import { realContent } from '../helpers/deps.js';

const me: Me = { workspaceId: 'APP', botId: '100000000000000001', botRoleIds: ['200000000000000002'] };
const ada = { id: '300', username: 'ada', globalName: 'Ada L.', nick: null };
const inServer = (content: string, extra: Partial<SeenMessage> = {}): SeenMessage => ({
  id: 'm1',
  guildId: 'G',
  channelId: 'C',
  channelName: 'general',
  author: ada,
  content,
  mentionsBot: false,
  ...extra,
});

describe('messages become events only when meant for the bot', () => {
  it.each([
    ['a message in a channel that does not mention the bot', inServer('how do I contribute?')],
    [
      'a mention written by another bot',
      inServer('<@100000000000000001> hi', { mentionsBot: true, author: { ...ada, bot: true } }),
    ],
    [
      'its own message',
      inServer('<@100000000000000001> hi', { mentionsBot: true, author: { id: me.botId, username: 'onramp' } }),
    ],
    ['a system message', inServer('<@100000000000000001> joined', { mentionsBot: true, system: true })],
  ])('ignores %s', (_, seen) => {
    expect(messageEvent(seen, me)).toBeNull();
  });

  it('reads plain messages in a newcomer channel, as on Slack, when Discord gave their text', () => {
    const plain = messageEvent(inServer('how do I contribute?', { channelName: 'new-contributors' }), me, true);
    expect(plain).toMatchObject({
      kind: 'message',
      text: 'how do I contribute?',
      mentioned: false,
      origin: { channelName: 'new-contributors' },
    });
    // Without the Message Content intent the text is empty: nothing to read, nothing sent to the core.
    expect(messageEvent(inServer('', { channelName: 'new-contributors' }), me, true)).toBeNull();
    expect(messageEvent(inServer('hi', { author: { ...ada, bot: true } }), me, true)).toBeNull();
  });

  it('reads a mention without the mention itself, whether by user or by the bot role', () => {
    const byUser = messageEvent(inServer('<@100000000000000001> how do I contribute?', { mentionsBot: true }), me);
    expect(byUser).toMatchObject({
      kind: 'message',
      text: 'how do I contribute?',
      mentioned: true,
      origin: { isDirect: false, channelName: 'general', userName: 'Ada L.' },
    });
    const byRole = messageEvent(inServer('hey <@&200000000000000002>, which SIG for Go?', { mentionsBot: true }), me);
    expect(byRole).toMatchObject({ text: 'hey , which SIG for Go?' });
  });

  it('answers direct messages without a mention, and keeps the workspace the same everywhere', () => {
    const dm = messageEvent({ ...inServer('comment contribuer ?'), guildId: null, channelName: null }, me);
    expect(dm).toMatchObject({
      kind: 'message',
      mentioned: false,
      origin: { platform: 'discord', workspaceId: 'APP', isDirect: true, userId: '300' },
    });
  });

  it('treats "/sig network" written in a message as the command, and a bare mention as a request for help', () => {
    expect(messageEvent(inServer('<@100000000000000001> /SIG network', { mentionsBot: true }), me)).toMatchObject({
      kind: 'command',
      name: 'sig',
      args: 'network',
    });
    expect(messageEvent(inServer('<@!100000000000000001>', { mentionsBot: true }), me)).toMatchObject({
      kind: 'command',
      name: 'help',
      args: '',
    });
  });

  it('prefers the server nickname as the name to greet', () => {
    expect(
      messageEvent(inServer('<@100000000000000001> hi', { mentionsBot: true, author: { ...ada, nick: 'ada-k8s' } }), me)
        ?.origin.userName,
    ).toBe('ada-k8s');
  });
});

describe('slash commands become command events', () => {
  it('joins option values in the order the capability declares them, and keeps the person locale', () => {
    const spec = { name: 'issues', options: [{ name: 'sig' }, { name: 'language' }] };
    const event = commandEvent(
      {
        id: 'i1',
        guildId: 'G',
        channelId: 'C',
        user: ada,
        locale: 'fr',
        name: 'issues',
        options: [
          { name: 'language', value: 'Go' },
          { name: 'sig', value: ' network ' },
        ],
      },
      spec,
      'APP',
    );
    expect(event).toMatchObject({
      kind: 'command',
      name: 'issues',
      args: 'network Go',
      origin: { locale: 'fr', isDirect: false },
    });
  });
});

describe('autocomplete from memory', () => {
  it('offers the best matching SIGs first, at most 25, and what was typed when it names none', async () => {
    const list = sigSuggestions(await realContent());
    const net = suggest(list, 'netw');
    expect(net[0]).toEqual({ name: 'netw', value: 'netw' });
    expect(net[1]!.value).toBe('sig-network');
    expect(suggest(list, '')).toHaveLength(25);
    expect(suggest(list, 'sig-network').map((c) => c.value)[0]).toBe('sig-network');
    for (const typed of ['', 'a', 'storage and go', 'x'.repeat(300)]) {
      for (const c of suggest(list, typed)) {
        expect(c.name.length).toBeLessThanOrEqual(100);
        expect(c.value.length).toBeLessThanOrEqual(100);
      }
    }
    expect(suggest(list, 'kube-proxy').map((c) => c.value)).toContain('sig-network');
  });
});

// Which Slack payloads become bot events, and Slack's mrkdwn turned back into the words a person typed.
import { describe, expect, it } from 'vitest';
import {
  actionEvent,
  commandEvent,
  fromSlackText,
  homeEvent,
  joinedEvent,
  messageEvent,
  type ActionPayload,
  type CommandPayload,
  type MessagePayload,
} from '../../adapters/slack/inbound.js';
import { blockAction, command, homeOpened, joined, mention, message } from './payloads.js';

const names = new Map([['/k8s-sig', 'sig']]);

describe('Slack text back to words', () => {
  it.each([
    ['the bot mention goes, others become @names', '<@U0BOT> hi <@U0ADA|ada> and <@W0X>', 'hi @ada and @W0X'],
    ['channels become #names', 'see <#C0NET|sig-network>', 'see #sig-network'],
    [
      'broadcasts become words (escaped again on the way out)',
      '<!here> <!channel|channel> <!everyone>',
      '@here @channel @everyone',
    ],
    [
      'links become their URL, labels kept when they add something',
      '<https://github.com/k/k/issues/1> <https://x.io/a|docs>',
      'https://github.com/k/k/issues/1 docs https://x.io/a',
    ],
    ['entities are decoded last', '&lt;b&gt; &amp;lt;', '<b> &lt;'],
    [
      'user groups and dates show their label',
      '<!subteam^S1|@sig-docs-leads> <!date^1392734382^{date}|Feb 18>',
      '@sig-docs-leads Feb 18',
    ],
  ])('%s', (_name, input, expected) => {
    expect(fromSlackText(input, 'U0BOT')).toBe(expected);
  });
});

describe('inbound payloads', () => {
  it('turns a slash command into a command event, renamed ones included', () => {
    const sig = commandEvent(command('/sig', 'networking &amp; DNS', 'https://r') as CommandPayload, names);
    expect(sig).toMatchObject({
      kind: 'command',
      name: 'sig',
      args: 'networking & DNS',
      origin: {
        platform: 'slack',
        workspaceId: 'T0TEST',
        channelId: 'C0RANDOM1',
        channelName: 'random',
        userId: 'U0ADA',
        isDirect: false,
      },
    });
    expect(commandEvent(command('/k8s-sig', '', 'https://r') as CommandPayload, names)).toMatchObject({ name: 'sig' });
    expect(commandEvent(command('/help', '', 'https://r') as CommandPayload, names)).toMatchObject({ name: 'help' });
    const dm = commandEvent(
      command('/sig', '', 'https://r', { channel: 'D0ADA', channel_name: 'directmessage' }) as CommandPayload,
      names,
      { userName: 'Ada', locale: 'fr-FR' },
    );
    expect(dm.origin).toMatchObject({ isDirect: true, userName: 'Ada', locale: 'fr-FR' });
    expect(dm.origin.channelName).toBeUndefined();
  });

  it('turns a click or a choice into an action with the neutral id', () => {
    const click = actionEvent(
      blockAction({ action_id: 'sig.leave~3', value: 'sig-docs' }, { responseUrl: 'https://r' }) as ActionPayload,
    );
    expect(click).toMatchObject({
      kind: 'action',
      actionId: 'sig.leave',
      value: 'sig-docs',
      origin: { channelId: 'C0RANDOM1', isDirect: false },
    });
    const pick = actionEvent(
      blockAction({ action_id: 'sig.pick~0', selected: 'sig-network' }, { home: true }) as ActionPayload,
    );
    expect(pick).toMatchObject({ actionId: 'sig.pick', value: 'sig-network', origin: { isDirect: true } });
    expect(actionEvent(blockAction({ action_id: 'x.y:2~1', value: 'v' }) as ActionPayload)).toMatchObject({
      actionId: 'x.y:2',
    });
  });

  it('answers mentions in their thread and DMs in the DM', () => {
    const m = mention('how do I contribute?') as unknown as MessagePayload;
    expect(messageEvent(m, 'Ev1', 'T0TEST', 'U0BOT')).toMatchObject({
      kind: 'message',
      text: 'how do I contribute?',
      mentioned: true,
      origin: { threadId: m.ts, isDirect: false },
    });
    const dm = message('hello', { im: true }) as unknown as MessagePayload;
    const event = messageEvent(dm, 'Ev2', 'T0TEST', 'U0BOT');
    expect(event).toMatchObject({ mentioned: false, origin: { isDirect: true, channelId: 'D0ADA' } });
    expect(event!.origin.threadId).toBeUndefined();
  });

  it('ignores bots, itself, edits, joins, empty text, and channel messages that are really mentions', () => {
    const none = (p: Record<string, unknown>) => messageEvent(p as unknown as MessagePayload, 'Ev', 'T0TEST', 'U0BOT');
    expect(none(message('hi', { bot_id: 'B0OTHER' }))).toBeNull();
    expect(none(message('hi', { user: 'U0BOT' }))).toBeNull();
    expect(none(message('hi', { subtype: 'message_changed' }))).toBeNull();
    expect(none(message('hi', { subtype: 'channel_join' }))).toBeNull();
    expect(none(message('<@U0BOT>'))).toBeNull();
    expect(none(message('<@U0BOT> hi'))).toBeNull(); // the app_mention of the same message answers
    expect(none({ ...mention('hi'), channel: 'D0ADA' })).toBeNull(); // the message.im of the same DM answers
    expect(none(message('hi', { subtype: 'thread_broadcast' }))).not.toBeNull();
  });

  it('turns joins and App Home into events, the Messages tab into nothing', () => {
    expect(
      joinedEvent(joined('U0GRACE', 'C0NEWBIE1') as { user: string; channel: string }, 'Ev3', 'T0TEST', {
        userName: 'Grace',
      }),
    ).toMatchObject({ kind: 'joined', origin: { userId: 'U0GRACE', userName: 'Grace', channelId: 'C0NEWBIE1' } });
    expect(homeEvent(homeOpened('U0ADA') as { user: string }, 'Ev4', 'T0TEST')).toMatchObject({
      kind: 'home',
      origin: { userId: 'U0ADA', isDirect: true },
    });
    expect(homeEvent(homeOpened('U0ADA', 'messages') as { user: string }, 'Ev5', 'T0TEST')).toBeNull();
  });
});

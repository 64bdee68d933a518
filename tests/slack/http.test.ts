// Slack over HTTP against a fake Slack: answers, App Home, pickers, 429s, probes, refused requests, no pings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shown, type Call } from './fake-slack.js';
import { startHarness, startReplica, type Harness } from './harness.js';
import {
  asForm,
  asInteraction,
  asJson,
  BOT_TOKEN,
  blockAction,
  command,
  eventCallback,
  homeOpened,
  joined,
  mention,
  message,
  send,
  sign,
  SIGNING_SECRET,
  type SendOptions,
  type SlackEvent,
} from './payloads.js';

let h: Harness;
beforeAll(async () => {
  // Lookups wait as long as needed here, so holding one in the fake holds the event deterministically.
  h = await startHarness({ adapter: { lookupWaitMs: 60_000 } });
});
afterAll(async () => h?.close());

const POSTING = new Set(['chat.postMessage', 'chat.postEphemeral', 'views.publish', 'response_url']);
/** Everything a Slack call shows people, as one string: fallback text and every block. */
const posts = () => h.fake.calls.filter((c) => POSTING.has(c.method));
const sendEvent = (event: SlackEvent, eventId?: string, headers?: Record<string, string>) =>
  send(h.url, asJson(eventCallback(event, eventId)), headers ? { headers } : {});
const sendCommand = (name: string, text: string, id: string, o: Parameters<typeof command>[3] = {}) =>
  send(h.url, asForm(command(name, text, h.fake.responseUrl(id), o)));
const answerTo = (id: string) => h.fake.answerTo(id);
/** Sends, waits until the adapter has finished with everything it received, and returns what it posted meanwhile. */
async function postedWhile(act: () => Promise<unknown>): Promise<Call[]> {
  const before = posts().length;
  await act();
  await h.adapter.settled();
  return posts().slice(before);
}

describe('Slack over HTTP: answering', () => {
  it('answers a mention in the thread of the question, with the bot token and a text fallback', async () => {
    const event = mention('how do I contribute?');
    expect((await sendEvent(event)).status).toBe(200);
    const [post] = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.thread_ts === event.ts);
    expect(post!.token).toBe(BOT_TOKEN);
    expect(post!.body.channel).toBe('C0RANDOM1');
    expect(String(post!.body.text)).toMatch(/five steps/);
    expect(shown(post!)).toMatch(/contributor guide/i);
    expect(post!.body).not.toHaveProperty('link_names');
    expect(post!.body.unfurl_links).toBe('false'); // form-encoded
  });

  it('acknowledges a command before any lookup or work, then answers through its response_url', async () => {
    const release = h.fake.hold('users.info');
    const acked = await sendCommand('/contribute', '', 'ack-first', { user: 'U0GRACE' });
    // The HTTP answer came back while the adapter's first lookup is still held: nothing answered yet.
    expect(acked).toEqual({ status: 200, body: '' });
    expect(h.fake.calls.some((c) => c.responseId === 'ack-first')).toBe(false);
    release();
    const answer = await answerTo('ack-first');
    expect(answer.body.response_type).toBe('ephemeral');
    expect(shown(answer)).toMatch(/five steps/);
  });

  it('/sig shows a picker; choosing subscribes, confirms with channel, leads and meeting, and remembers', async () => {
    await sendCommand('/sig', '', 'sig-list', { user: 'U0ADA' });
    const list = await answerTo('sig-list');
    expect(list.body.response_type).toBe('ephemeral');
    const select = (
      list.body.blocks as {
        type: string;
        elements?: { type: string; action_id: string; options: { value: string }[] }[];
      }[]
    )
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.type === 'static_select')!;
    expect(select.options.map((o) => o.value)).toContain('sig-network');

    const click = blockAction(
      { action_id: select.action_id, selected: 'sig-network' },
      { responseUrl: h.fake.responseUrl('sig-pick'), user: 'U0ADA' },
    );
    expect((await send(h.url, asInteraction(click))).status).toBe(200);
    const confirmation = await answerTo('sig-pick');
    expect(confirmation.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(shown(confirmation)).toMatch(/You joined \*Network\*/);
    expect(shown(confirmation)).toContain('#sig-network');
    expect(shown(confirmation)).toMatch(/Leads/);
    expect(shown(confirmation)).toMatch(/Meeting/);
    const key = { platform: 'slack', workspaceId: 'T0TEST', userId: 'U0ADA' };
    expect(await h.booted.deps.store.subscriptions.list(key)).toEqual(['sig-network']);
  });

  it('publishes App Home with the person’s SIGs and digest switch; a choice there confirms by DM and refreshes it', async () => {
    const key = { platform: 'slack', workspaceId: 'T0TEST', userId: 'U0GRACE' };
    await sendEvent(homeOpened('U0GRACE'));
    const [first] = await h.fake.waitFor((c) => c.method === 'views.publish' && c.body.user_id === 'U0GRACE');
    const view = first!.body.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    expect(shown(first!)).toMatch(/Your SIGs/);
    expect(shown(first!)).toMatch(/digest/i);

    await send(
      h.url,
      asInteraction(blockAction({ action_id: 'sig.pick~2', selected: 'sig-docs' }, { user: 'U0GRACE', home: true })),
    );
    const [dm] = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'U0GRACE');
    expect(shown(dm!)).toMatch(/You joined \*Docs\*/);
    const published = await h.fake.waitFor((c) => c.method === 'views.publish' && c.body.user_id === 'U0GRACE', 2);
    expect(shown(published[1]!)).toMatch(/Leave/);
    expect(await h.booted.deps.store.subscriptions.list(key)).toEqual(['sig-docs']);
  });

  it('ignores the Messages tab opening', async () => {
    expect(await postedWhile(() => sendEvent(homeOpened('U0ADA', 'messages')))).toEqual([]);
  });

  it('answers a DM in the DM, and a clear question in a newcomer channel in its thread', async () => {
    const dm = message('how do I contribute?', { im: true });
    await sendEvent(dm);
    const [reply] = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0ADA');
    expect(reply!.body.thread_ts).toBeUndefined();

    const question = message('how do I contribute?', { channel: 'C0NEWBIE1' });
    await sendEvent(question);
    const [answer] = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.thread_ts === question.ts);
    expect(answer!.body.channel).toBe('C0NEWBIE1');
  });

  it('stays quiet on chatter in a newcomer channel and on questions elsewhere', async () => {
    const quiet = await postedWhile(async () => {
      await sendEvent(message('lunch anyone?', { channel: 'C0NEWBIE1' }));
      await sendEvent(message('how do I contribute?', { channel: 'C0RANDOM1' }));
    });
    expect(quiet).toEqual([]);
  });

  it('spends nothing on chatter outside newcomer channels: no lookup, no database write', async () => {
    const quiet = await postedWhile(() =>
      sendEvent(message('anyone up for lunch?', { channel: 'C0RANDOM1', user: 'U0CHATTY' }), 'EvCHATTER1'),
    );
    expect(quiet).toEqual([]);
    expect(h.fake.calls.some((c) => c.method === 'users.info' && c.body.user === 'U0CHATTY')).toBe(false);
    const rows = await h.booted.database.db
      .selectFrom('processed_events')
      .selectAll()
      .where('event_id', '=', 'EvCHATTER1')
      .execute();
    expect(rows).toEqual([]);
  });

  it('spends nothing on chatter in a newcomer channel it leaves alone: no Web API call, no database write', async () => {
    const before = h.fake.calls.length;
    const quiet = await postedWhile(() =>
      sendEvent(message('lunch anyone?', { channel: 'C0NEWBIE1', user: 'U0QUIET' }), 'EvCHATTER2'),
    );
    expect(quiet).toEqual([]);
    expect(h.fake.calls.slice(before).map((c) => c.method)).toEqual([]); // not even users.info or conversations.info
    const rows = await h.booted.database.db
      .selectFrom('processed_events')
      .selectAll()
      .where('event_id', '=', 'EvCHATTER2')
      .execute();
    expect(rows).toEqual([]);
  });

  it('records a question it answers there, and looks the person up for it, once', async () => {
    h.fake.users.set('U0DENISE', { name: 'Denise' });
    const question = message('how do I contribute?', { channel: 'C0NEWBIE1', user: 'U0DENISE' });
    await postedWhile(() => sendEvent(question, 'EvASKED01'));
    const [answer] = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.thread_ts === question.ts);
    expect(String(answer!.body.text)).toMatch(/five steps/);
    expect(h.fake.calls.filter((c) => c.method === 'users.info' && c.body.user === 'U0DENISE')).toHaveLength(1);
    const rows = await h.booted.database.db
      .selectFrom('processed_events')
      .selectAll()
      .where('event_id', '=', 'EvASKED01')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('ignores other bots, itself, and edits', async () => {
    const quiet = await postedWhile(async () => {
      await sendEvent(message('how do I contribute?', { channel: 'C0NEWBIE1', bot_id: 'B0OTHER', user: 'U0OTHERBOT' }));
      await sendEvent(message('how do I contribute?', { channel: 'C0NEWBIE1', user: 'U0BOT' }));
      await sendEvent(message('how do I contribute?', { channel: 'C0NEWBIE1', subtype: 'message_changed' }));
      await sendEvent(message('how do I contribute?', { im: true, bot_id: 'B0BOT' }));
    });
    expect(quiet).toEqual([]);
  });

  it('welcomes someone joining a newcomer channel, privately and by name, and nobody elsewhere', async () => {
    await sendEvent(joined('U0GRACE', 'C0NEWBIE1'));
    const [welcome] = await h.fake.waitFor(
      (c) => c.method === 'chat.postEphemeral' && c.body.user === 'U0GRACE' && c.body.channel === 'C0NEWBIE1',
    );
    expect(shown(welcome!)).toMatch(/Welcome to Kubernetes, Grace/);
    const quiet = await postedWhile(async () => {
      await sendEvent(joined('U0GRACE', 'C0RANDOM1'));
      await sendEvent(joined('U0BOT', 'C0NEWBIE1'));
    });
    expect(quiet).toEqual([]);
  });

  it('speaks French to someone whose Slack is in French', async () => {
    await sendCommand('/contribute', '', 'fr', { user: 'U0CAMILLE' });
    expect(shown(await answerTo('fr'))).toMatch(/cinq étapes|Bienvenue/);
  });

  it('answers any capability command, and explains an unknown one', async () => {
    await sendCommand('/help', '', 'help');
    expect(shown(await answerTo('help'))).toMatch(/\/sig/);
    await sendCommand('/nope', '', 'nope');
    const unknown = await answerTo('nope');
    expect(unknown.body.response_type).toBe('ephemeral');
    expect(shown(unknown)).toMatch(/\/nope/);
  });

  it('says it in the channel when the response_url no longer works', async () => {
    await sendCommand('/contribute', '', 'expired-1', { user: 'U0ADA', channel: 'C0RANDOM1' });
    const [ephemeral] = await h.fake.waitFor(
      (c) => c.method === 'chat.postEphemeral' && c.body.user === 'U0ADA' && c.body.channel === 'C0RANDOM1',
    );
    expect(shown(ephemeral!)).toMatch(/five steps/);
  });

  it('waits out a 429 for as long as Retry-After says, then answers', async () => {
    h.fake.rateLimit('chat.postMessage', 1, 1);
    const event = mention('how do I contribute?', { user: 'U0ADA' });
    await sendEvent(event);
    const tries = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.thread_ts === event.ts, 2);
    expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(950);
  });
});

describe('Slack over HTTP: probes', () => {
  it('answers GET /healthz with 200 "ok" on the events port, unsigned, and nothing else there', async () => {
    const base = h.url.replace(/\/slack\/events$/, '');
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.text()).toBe('ok');
    expect((await fetch(`${base}/healthz`, { method: 'POST', body: 'x' })).status).toBe(404);
  });
});

describe('Slack over HTTP: refusing', () => {
  const contribute = () => asForm(command('/contribute', '', h.fake.responseUrl('refused')));
  const now = () => Math.floor(Date.now() / 1000);

  it.each<[string, (body: string) => SendOptions]>([
    ['an unsigned request', () => ({ signature: null })],
    ['a bad signature', () => ({ signature: 'v0=0123456789abcdef' })],
    ['a signature made with another secret', (body) => ({ signature: sign(body, now(), 'not-the-secret') })],
    ['a 10-minute-old timestamp', () => ({ timestamp: now() - 600 })],
    ['a timestamp 10 minutes in the future', () => ({ timestamp: now() + 600 })],
  ])('refuses %s with 401 and posts nothing', async (_name, options) => {
    const request = contribute();
    const posted = await postedWhile(async () => {
      const res = await send(h.url, request, options(request.body));
      expect(res.status).toBe(401);
      expect(res.body).toBe('');
    });
    expect(posted).toEqual([]);
  });

  it('refuses a signed command replayed as is', async () => {
    const request = asForm(command('/contribute', '', h.fake.responseUrl('replayed')));
    const timestamp = now();
    expect((await send(h.url, request, { timestamp })).status).toBe(200);
    await answerTo('replayed');
    const posted = await postedWhile(async () => expect((await send(h.url, request, { timestamp })).status).toBe(401));
    expect(posted).toEqual([]);
  });

  it('refuses a signed command replayed to another replica', async () => {
    const replica = await startReplica(h);
    try {
      const request = asForm(command('/contribute', '', h.fake.responseUrl('replayed-elsewhere')));
      const timestamp = now();
      expect((await send(h.url, request, { timestamp })).status).toBe(200);
      await answerTo('replayed-elsewhere');
      const posted = await postedWhile(async () =>
        expect((await send(replica.url, request, { timestamp })).status).toBe(401),
      );
      expect(posted).toEqual([]);
    } finally {
      await replica.close();
    }
  });

  it('logs refused requests at most once a minute with their count, whatever the flood', async () => {
    const before = h.logLines.length;
    for (let i = 0; i < 10; i++) {
      const request = contribute();
      await send(h.url, request, { signature: 'v0=0123456789abcdef' });
      await send(h.url, request, { timestamp: now() + 600 });
      await send(h.url, request, { signature: null });
    }
    const lines = h.logLines.slice(before);
    expect(lines.filter((l) => l.msg === 'slack request refused' && l.level === 20)).toHaveLength(30); // each one, at debug level
    expect(lines.filter((l) => (l.level as number) >= 40).length).toBeLessThanOrEqual(1); // the once-a-minute count: receiver.test.ts
  });

  it('answers a retried event once (the retry is acknowledged, not answered again)', async () => {
    const event = mention('how do I contribute?', { user: 'U0GRACE' });
    expect((await sendEvent(event, 'EvRETRY01')).status).toBe(200);
    await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.thread_ts === event.ts);
    const again = await postedWhile(async () => {
      expect(
        (await sendEvent(event, 'EvRETRY01', { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' }))
          .status,
      ).toBe(200);
      expect(
        (await sendEvent(event, 'EvRETRY01', { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' }))
          .status,
      ).toBe(200);
    });
    expect(again).toEqual([]);
  });
});

describe('Slack over HTTP: what people write cannot ping anyone', () => {
  it('escapes <!channel>, @here and mentions echoed back from a command', async () => {
    await sendCommand('/sig', 'join &lt;!channel&gt; @here <!everyone> <@U0ADA>', 'hostile');
    const answer = await answerTo('hostile');
    expect(shown(answer)).toMatch(/I don't know a SIG called/);
    expect(shown(answer)).toContain('&lt;!channel&gt;');
  });

  it('escapes broadcasts quoted in a mention', async () => {
    const event = mention('<!here> <!channel> @everyone which SIG for <!subteam^S1|@admins> networking?');
    await sendEvent(event);
    await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.thread_ts === event.ts);
  });

  it('never posted a mention, a broadcast or a raw @here in any message, ephemeral, home or response', async () => {
    const all = posts();
    expect(all.length).toBeGreaterThan(15);
    for (const call of all) {
      expect(shown(call)).not.toMatch(/<[!@#]/);
      expect(shown(call)).not.toMatch(/@(here|channel|everyone)/i);
    }
  });

  it('never logged a token, the signing secret or a response_url', async () => {
    const logged = JSON.stringify(h.logLines);
    expect(h.logLines.length).toBeGreaterThan(0);
    for (const secret of [BOT_TOKEN, SIGNING_SECRET, 'xoxb-', '/respond/']) expect(logged).not.toContain(secret);
  });
});

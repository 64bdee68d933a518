// The Discord adapter (real discord.js client, fake Discord): mentions, DMs, slash commands, menus, no pings.
import { afterEach, describe, expect, it } from 'vitest';
import type { StashPort } from '../../adapters/discord/stash.js';
import { capabilities } from '../../src/capabilities/index.js';
import type { Capability } from '../../src/core/capability.js';
import { ANY_WORKSPACE, buttons, choice, escapeMarkup, fields, privateReply, text } from '../../src/core/index.js';
import { INTENTS } from './fake-discord.js';
import {
  grace,
  isCallback,
  isChannelPost,
  isEdit,
  isFollowUp,
  messageBodies,
  otherBot,
  startDiscordBot,
  waitFor,
  ada,
  type Running,
} from './harness.js';

type Json = any;

let run: Running | undefined;
afterEach(async () => {
  await run?.close();
  run = undefined;
});

const components = (body: Json): Json[] => (body.components ?? []).flatMap((r: Json) => r.components);
const button = (body: Json, label: RegExp) => components(body).find((c) => c.type === 2 && label.test(c.label));
const select = (body: Json) => components(body).find((c) => c.type === 3);
const allText = (body: Json) =>
  [
    body.content ?? '',
    ...(body.embeds ?? []).flatMap((e: Json) => [
      e.description ?? '',
      ...(e.fields ?? []).flatMap((f: Json) => [f.name, f.value]),
    ]),
  ].join('\n');

/** Nobody can be pinged by anything the bot sent: every message body says so explicitly. */
function expectNoPings(r: Running) {
  const bodies = messageBodies(r.fake);
  expect(bodies.length).toBeGreaterThan(0);
  for (const b of bodies) expect(b.allowed_mentions).toEqual({ parse: [], replied_user: false });
}

describe('Discord adapter against a fake Discord (real discord.js client)', () => {
  it('logs in without privileged intents and never registers commands at start', async () => {
    run = await startDiscordBot();
    const intents = Number(run.fake.identify.intents);
    expect(intents).toBe(INTENTS.Guilds | INTENTS.GuildMessages | INTENTS.DirectMessages);
    expect(intents & INTENTS.MessageContent).toBe(0);
    expect(run.fake.requests.filter((r) => r.method === 'PUT')).toEqual([]);
  });

  it('answers a mention in a channel, in reply to it, and ignores chatter and other bots', async () => {
    run = await startDiscordBot();
    const { fake } = run;
    run.say('lunch anyone?');
    run.say('how do I contribute?', { mention: true, author: otherBot });
    const { payload } = run.say('how do I contribute?', { mention: true });
    const [post] = await waitFor(fake, isChannelPost(fake.channels.general));
    expect(post!.status).toBe(200);
    expect(post!.body.content).toMatch(/Contributing to Kubernetes takes five steps/);
    expect(post!.body.message_reference).toMatchObject({ message_id: payload.id });
    expect(button(post!.body, /Pick a SIG/)).toMatchObject({ custom_id: 'sig.list|all' });
    expect(fake.requests.filter(isChannelPost(fake.channels.general))).toHaveLength(1);
    expect(run.seen.map((s) => s.event.kind)).toEqual(['message']);
    expectNoPings(run);
  });

  it('talks in direct messages, in the language the person writes', async () => {
    run = await startDiscordBot();
    const { fake } = run;
    const dm = fake.dmWith(grace);
    run.say('comment contribuer ?', { dm: true, author: grace });
    const [post] = await waitFor(fake, isChannelPost(dm));
    expect(post!.body.content).toMatch(/Bienvenue/);
    expect(run.seen[0]!.event.origin).toMatchObject({ isDirect: true, userId: grace.id, workspaceId: fake.appId });
  });

  it('defers /contribute privately before the core runs, then edits in the answer', async () => {
    run = await startDiscordBot();
    const { fake } = run;
    const i = run.slash('contribute');
    const [edit] = await waitFor(fake, isEdit(i.token));
    const callbacks = fake.requests.filter(isCallback(i.id));
    expect(callbacks.map((c) => c.body)).toEqual([{ type: 5, data: { flags: 64 } }]);
    expect(run.seen[0]!.requestsBefore.some(isCallback(i.id))).toBe(true);
    expect(edit!.status).toBe(200);
    expect(edit!.body.content).toMatch(/five steps/);
    expectNoPings(run);
  });

  it('answers a slash command in a DM openly (there is nobody else to hide it from)', async () => {
    run = await startDiscordBot();
    const i = run.slash('help', {}, { dm: true });
    await waitFor(run.fake, isEdit(i.token));
    expect(run.fake.requests.find(isCallback(i.id))!.body).toEqual({ type: 5, data: { flags: 0 } });
  });

  it('/sig: autocompletes SIG names from memory, shows one, and the Join button subscribes', async () => {
    run = await startDiscordBot();
    const { fake, deps } = run;
    const ac = run.autocomplete('sig', { interests: 'netw' }, 'interests');
    const [answer] = await waitFor(fake, isCallback(ac.id));
    expect(answer!.body.type).toBe(8);
    expect(answer!.body.data.choices.map((c: Json) => c.value)).toContain('sig-network');
    expect(run.seen).toHaveLength(0); // answered without the core, so without any I/O

    const show = run.slash('sig', { interests: 'sig-network' });
    const [shown] = await waitFor(fake, isEdit(show.token));
    expect(allText(shown!.body)).toMatch(/Network[\s\S]*#sig-network|\\#sig-network/);
    const join = button(shown!.body, /^Join$/);
    expect(join.custom_id).toBe('sig.pick|sig-network');

    const click = run.click(shown!.response, join.custom_id);
    const [joined] = await waitFor(fake, isEdit(click.token));
    expect(fake.requests.find(isCallback(click.id))!.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(joined!.body.content).toMatch(/You joined \*\*Network\*\*/);
    expect(
      await deps.store.subscriptions.list({ platform: 'discord', workspaceId: fake.appId, userId: ada.id }),
    ).toEqual(['sig-network']);
    expectNoPings(run);
  });

  it('/sig with interests: recommendations first in the menu, pages beyond 25, choosing subscribes', async () => {
    run = await startDiscordBot();
    const { fake, deps } = run;
    const i = run.slash('sig', { interests: 'docs and website' });
    const [edit] = await waitFor(fake, isEdit(i.token));
    const menu = select(edit!.body);
    expect(menu.options).toHaveLength(25);
    // The menu starts with the groups recommended in the text above it, in the same order.
    const recommended = [...String(edit!.body.content).matchAll(/^\*\*\d\.\*\* .+ \((\S+)\)$/gm)].map((m) => m[1]);
    expect(recommended.length).toBeGreaterThan(0);
    expect(menu.options.slice(0, recommended.length).map((o: Json) => o.value)).toEqual(recommended);
    const more = menu.options.at(-1);
    expect(more.label).toBe('Show more…');

    const page = run.choose(edit!.response, menu.custom_id, more.value);
    const [ack] = await waitFor(fake, isCallback(page.id));
    expect(ack!.body.type).toBe(6); // the private message is updated in place, acknowledged before the store is read
    const [update] = await waitFor(fake, isEdit(page.token));
    expect(update!.response.id).toBe(edit!.response.id);
    const second = select(update!.body);
    const firstPage = new Set(menu.options.map((o: Json) => o.value));
    const later = second.options[0];
    expect(firstPage.has(later.value)).toBe(false);
    expect(second.options.at(-1).label).toBe('Back to the first ones');
    expect(components(update!.body).filter((c) => c.type === 2)).toHaveLength(
      components(edit!.body).filter((c) => c.type === 2).length,
    );

    const pick = run.choose(fake.messages.get(edit!.response.id), menu.custom_id, later.value);
    const [done] = await waitFor(fake, isEdit(pick.token));
    expect(done!.body.content).toContain(`You joined **${later.label}**`);
    expect(
      await deps.store.subscriptions.list({ platform: 'discord', workspaceId: fake.appId, userId: ada.id }),
    ).toEqual([later.value]);
    expect(fake.requests.filter((r) => r.status >= 400)).toEqual([]);
  });

  it('speaks French to a person whose Discord is in French, the menu included', async () => {
    run = await startDiscordBot();
    const i = run.slash('sig', {}, { locale: 'fr' });
    const [edit] = await waitFor(run.fake, isEdit(i.token));
    expect(edit!.body.content).toMatch(/groupes/);
    expect(select(edit!.body).options.at(-1).label).toBe('Voir la suite…');
  });

  it('names commands as a French Discord lists them: /aide shows /contribuer and /langue', async () => {
    run = await startDiscordBot();
    const i = run.slash('help', {}, { locale: 'fr' });
    const [edit] = await waitFor(run.fake, isEdit(i.token));
    const said = allText(edit!.body);
    expect(said).toMatch(/\/contribuer\b/);
    expect(said).toMatch(/\/langue fr \| en \| auto/);
    expect(said).not.toMatch(/\/contribute\b|\/language\b/);
    const en = run.slash('help', {}, { locale: 'en-US' });
    const [english] = await waitFor(run.fake, isEdit(en.token));
    expect(allText(english!.body)).toMatch(/\/contribute\b/);
  });

  it('shows text from people literally: no @everyone, role ping or markdown from it', async () => {
    run = await startDiscordBot();
    const i = run.slash('sig', { interests: 'join @everyone <@&1> **x** ||y||' });
    const [edit] = await waitFor(run.fake, isEdit(i.token));
    const content: string = edit!.body.content;
    expect(content).toMatch(/don't know a SIG called/);
    expect(content).toContain('\\@everyone');
    expect(content).not.toMatch(/(^|[^\\])<@&1>/);
    expect(content).not.toMatch(/(^|[^\\])\|\|y/);
    expectNoPings(run);
  });

  it('sends a private answer to a mention by DM; with DMs closed, only a short notice goes in the channel', async () => {
    run = await startDiscordBot();
    const { fake } = run;
    run.say('', { mention: true }); // a bare mention asks for help, which is private
    const dm = fake.dmWith(ada);
    const [sent] = await waitFor(fake, isChannelPost(dm));
    expect(sent!.body.content).toMatch(/Here is what I can do/);
    expect(fake.requests.filter(isChannelPost(fake.channels.general))).toHaveLength(0);

    fake.closedDms.add(grace.id);
    await run.deps.store.githubLogins.set(
      { platform: 'discord', workspaceId: fake.appId, userId: grace.id },
      'grace-hopper',
      new Date(),
    );
    const { payload } = run.say('/github', { mention: true, author: grace }); // her GitHub login: for her eyes only
    const [notice] = await waitFor(fake, isChannelPost(fake.channels.general));
    expect(notice!.body.content).toMatch(/can't send you a direct message/);
    expect(notice!.body.message_reference).toMatchObject({ message_id: payload.id });
    run.say('', { mention: true, author: grace });
    const posts = await waitFor(fake, isChannelPost(fake.channels.general), 2);
    expect(posts[1]!.body.content).toBe(notice!.body.content);
    expect(posts.map((p) => p.body.content).join('\n')).not.toMatch(/grace-hopper|Here is what I can do/);
    expectNoPings(run);
  });

  it('honours a 429 from Discord: waits as told, then delivers once', async () => {
    run = await startDiscordBot();
    const { fake } = run;
    const channel = fake.channels.general;
    fake.inject({
      match: (r) => r.method === 'POST' && r.path === `/channels/${channel}/messages`,
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 0.4, global: false },
      headers: { 'retry-after': '0.4', 'x-ratelimit-scope': 'user' },
    });
    run.say('how do I contribute?', { mention: true });
    const attempts = await waitFor(fake, isChannelPost(channel), 2);
    expect(attempts.map((a) => a.status)).toEqual([429, 200]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(350);
    expect(run.logLines.some((l) => l.msg === 'discord rate limit: waiting as told')).toBe(true);
  });

  it('apologises instead of leaving "thinking…" when Discord refuses an edit, and logs no token', async () => {
    run = await startDiscordBot();
    const { fake } = run;
    fake.inject({
      match: (r) => r.method === 'PATCH',
      status: 400,
      body: { code: 50035, message: 'Invalid Form Body' },
    });
    const i = run.slash('contribute');
    const edits = await waitFor(fake, isEdit(i.token), 2);
    expect(edits[1]!.body.content).toMatch(/Discord refused my answer/);
    const logged = JSON.stringify(run.logLines);
    expect(logged).toMatch(/discord reply failed/);
    expect(logged).not.toContain(i.token);
    expect(logged).not.toContain(fake.token);
  });

  it('pushes to a person by DM and to a channel named in content, and says when it cannot', async () => {
    run = await startDiscordBot();
    const { fake, outbox } = run;
    const reply = { blocks: [{ type: 'text' as const, text: 'New this week in **Network**' }] };
    const toUser = await outbox.post(
      { platform: 'discord', workspaceId: fake.appId, kind: 'user', userId: grace.id },
      reply,
    );
    expect(toUser.ok).toBe(true);
    const [dm] = await waitFor(fake, isChannelPost(fake.dmWith(grace)));
    expect(dm!.body.content).toBe('New this week in **Network**');
    expect(
      await outbox.post(
        { platform: 'discord', workspaceId: ANY_WORKSPACE, kind: 'channel', channelId: 'sig-network' },
        reply,
      ),
    ).toMatchObject({ ok: true });
    await waitFor(fake, isChannelPost(fake.channels.sigNetwork));
    expect(
      await outbox.post(
        { platform: 'discord', workspaceId: ANY_WORKSPACE, kind: 'channel', channelId: 'sig-cooking' },
        reply,
      ),
    ).toEqual({ ok: false, error: 'channel_not_found' });
    fake.closedDms.add(ada.id);
    expect(
      await outbox.post({ platform: 'discord', workspaceId: fake.appId, kind: 'user', userId: ada.id }, reply),
    ).toEqual({ ok: false, error: 'discord 403 50007: Cannot send messages to this user' });
  });

  it('posts once when an answer is lost and discord.js sends the same create again (the nonce makes it idempotent)', async () => {
    run = await startDiscordBot();
    const { fake, outbox } = run;
    const channel = fake.channels.sigNetwork;
    const creates = () =>
      fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channel}/messages`);
    fake.inject({
      match: (r) => r.method === 'POST' && r.path === `/channels/${channel}/messages`,
      status: 502,
      body: { message: 'Bad Gateway' },
      afterApplying: true,
    });
    const reply = { blocks: [{ type: 'text' as const, text: 'New this week in **Network**' }] };
    expect(
      await outbox.post(
        { platform: 'discord', workspaceId: ANY_WORKSPACE, kind: 'channel', channelId: 'sig-network' },
        reply,
      ),
    ).toMatchObject({ ok: true });
    expect(creates()).toHaveLength(2);
    expect(creates()[1]!.body).toMatchObject({ nonce: creates()[0]!.body.nonce, enforce_nonce: true });
    expect(
      [...fake.messages.values()].filter(
        (m) => m.channel_id === channel && m.content === 'New this week in **Network**',
      ),
    ).toHaveLength(1);
  });

  it('says a menu has expired when the bot no longer remembers its pages', async () => {
    run = await startDiscordBot();
    const i = run.slash('sig');
    const [edit] = await waitFor(run.fake, isEdit(i.token));
    const menu = select(edit!.body);
    const stale = run.choose(edit!.response, menu.custom_id, `~#${'A'.repeat(22)}:1`);
    expect((await waitFor(run.fake, isCallback(stale.id)))[0]!.body).toEqual({ type: 6 });
    // The person's own answer stays as it was; the notice comes after it, for their eyes only.
    const [notice] = await waitFor(run.fake, isFollowUp(stale.token));
    expect(notice!.body).toMatchObject({ flags: 64, content: expect.stringMatching(/button or menu has expired/) });
    expect(run.fake.requests.filter(isEdit(stale.token))).toEqual([]);

    const gone = run.click(edit!.response, 'sig.retired|x'); // a button whose action no capability owns any more
    const [said] = await waitFor(run.fake, isEdit(gone.token));
    expect(said!.body.content).toMatch(/button or menu has expired/);

    const forgotten = run.click(edit!.response, `#${'B'.repeat(22)}`); // a long value nobody remembers
    const [told] = await waitFor(run.fake, isEdit(forgotten.token));
    expect(run.fake.requests.find(isCallback(forgotten.id))!.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(told!.body.content).toMatch(/button or menu has expired/);
  });

  it('acknowledges clicks before reading the store, so a slow database cannot make Discord call them failed', async () => {
    // The store's reads wait while `gate` is set, as during a failover or with a busy pool.
    let gate: Promise<void> | null = null;
    let reading = 0;
    let reads = 0;
    const slow = (port: StashPort): StashPort => ({
      put: (entries) => port.put(entries),
      async get(key) {
        reads += 1;
        reading += 1;
        await gate;
        reading -= 1;
        return port.get(key);
      },
    });
    const hold = () => {
      let release!: () => void;
      gate = new Promise<void>((r) => (release = r));
      return () => {
        gate = null;
        release();
      };
    };
    const echo: Capability = {
      id: 'echo',
      usage: '',
      command: false,
      actions: ['echo'],
      run: async (input) => privateReply(text(`Chose ${escapeMarkup(input.action!.value)}`)),
    };
    // Two replicas: the one that rendered a message remembers its keys; the other must read the store.
    run = await startDiscordBot({ capabilities: [...capabilities, echo], stash: slow, replicas: 2 });
    const { fake, outbox } = run;
    const other = { session: 1 };
    const long = (n: number) => `${'x'.repeat(100)}-${n}`;
    const options = Array.from({ length: 30 }, (_, n) => ({ label: `Option ${n}`, value: long(n) }));
    await outbox.post(
      { platform: 'discord', workspaceId: fake.appId, kind: 'channel', channelId: fake.channels.general },
      { blocks: [choice('echo', 'Pick one', options), buttons([{ id: 'echo', label: 'Long one', value: long(99) }])] },
    );
    const [post] = await waitFor(fake, isChannelPost(fake.channels.general));
    const menu = select(post!.body);

    // A button whose action is kept in the store: deferred (privately, as the answer will be) first.
    let release = hold();
    const click = run.click(post!.response, button(post!.body, /Long one/).custom_id, other);
    expect((await waitFor(fake, isCallback(click.id)))[0]!.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(reading).toBe(1);
    release();
    expect((await waitFor(fake, isEdit(click.token)))[0]!.body.content).toBe(`Chose ${long(99)}`);

    // The next page of a public message's menu: a private copy, deferred before the menu is read.
    release = hold();
    const more = run.choose(post!.response, menu.custom_id, menu.options.at(-1).value, other);
    expect((await waitFor(fake, isCallback(more.id)))[0]!.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(reading).toBe(1);
    release();
    expect(select((await waitFor(fake, isEdit(more.token)))[0]!.body).options[0].label).toBe('Option 24');

    // The next page of a private answer's menu: updated in place, the update deferred first.
    const sig = run.slash('sig', { interests: 'docs and website' }, { session: 0 });
    const [answer] = await waitFor(fake, isEdit(sig.token));
    const sigMenu = select(answer!.body);
    release = hold();
    const page = run.choose(answer!.response, sigMenu.custom_id, sigMenu.options.at(-1).value, other);
    expect((await waitFor(fake, isCallback(page.id)))[0]!.body).toEqual({ type: 6 });
    expect(reading).toBe(1);
    release();
    const [paged] = await waitFor(fake, isEdit(page.token));
    expect(paged!.response.id).toBe(answer!.response.id);
    expect(select(paged!.body).options.at(-1).label).toBe('Back to the first ones');

    // The inbox that rendered a message answers its clicks from memory: no store read at all. (A pushed
    // message is rendered by an outbox, so every inbox reads the store for it, as above.)
    const readsBefore = reads;
    const own = run.choose(answer!.response, sigMenu.custom_id, sigMenu.options.at(-1).value, { session: 0 });
    expect(select((await waitFor(fake, isEdit(own.token)))[0]!.body).options.at(-1).label).toBe(
      'Back to the first ones',
    );
    expect(reads).toBe(readsBefore);
    expect(fake.requests.filter((r) => r.status >= 400)).toEqual([]);
  });

  it('lets answers under way finish when it stops, and leaves events arriving meanwhile to another process', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    run = await startDiscordBot({ beforeDispatch: () => held }); // the core is slow to answer
    const { fake, adapter } = run;
    const command = run.slash('contribute');
    run.say('how do I contribute?', { mention: true }); // recorded as seen before the core is asked
    for (let n = 0; n < 500 && run.seen.length < 2; n++) await new Promise((r) => setTimeout(r, 10));
    expect(run.seen).toHaveLength(2);

    let stopped = false;
    const stopping = adapter.stop().then(() => (stopped = true));
    const late = run.slash('help');
    await new Promise((r) => setTimeout(r, 200));
    expect(stopped).toBe(false);
    release();
    await stopping;
    // Both answers reached Discord before stop() resolved (after which the store closes).
    expect(fake.requests.filter(isEdit(command.token)).map((r) => r.body.content)).toEqual([
      expect.stringMatching(/five steps/),
    ]);
    expect(fake.requests.filter(isChannelPost(fake.channels.general))).toHaveLength(1);
    // The command sent while stopping was neither acknowledged nor given to the core: another replica may take it.
    expect(fake.requests.filter(isCallback(late.id))).toEqual([]);
    expect(run.seen).toHaveLength(2);
  });

  it('is ready once the gateway said READY, and no longer once stopped', async () => {
    run = await startDiscordBot();
    expect(run.adapter.ready()).toBe(true);
    await run.adapter.stop();
    expect(run.adapter.ready()).toBe(false);
  });

  it('answers each message and command once when two replicas share the token', async () => {
    run = await startDiscordBot({ replicas: 2 });
    const { fake } = run;
    run.say('how do I contribute?', { mention: true });
    const i = run.slash('contribute');
    await waitFor(fake, isEdit(i.token));
    await waitFor(fake, (r) => r.path.startsWith(`/interactions/${i.id}/`), 2);
    expect(
      fake.requests
        .filter(isCallback(i.id))
        .map((r) => r.status)
        .sort(),
    ).toEqual([204, 400]);
    await waitFor(fake, isChannelPost(fake.channels.general));
    expect(fake.requests.filter(isEdit(i.token))).toHaveLength(1);
    // Both replicas hand the mention to the core; only the one that records it first answers it.
    const messages = () => run!.seen.filter((s) => s.event.kind === 'message' && s.replies);
    for (let n = 0; n < 500 && messages().length < 2; n++) await new Promise((r) => setTimeout(r, 10));
    expect(messages().filter((s) => s.replies!.length > 0)).toHaveLength(1);
    expect(fake.requests.filter(isChannelPost(fake.channels.general))).toHaveLength(1);
    expect(run.logLines.some((l) => l.msg === 'discord interaction answered by another replica')).toBe(true);
  });

  it('understands a long menu or value on whichever replica gets the click, not only the one that sent it', async () => {
    const echo: Capability = {
      id: 'echo',
      usage: '',
      command: false,
      actions: ['echo'],
      run: async (input) => privateReply(text(`Chose ${escapeMarkup(input.action!.value)}`)),
    };
    run = await startDiscordBot({ replicas: 2, capabilities: [...capabilities, echo] });
    const { fake, outboxes } = run;
    const long = (n: number) => `${'x'.repeat(100)}-${n}`; // too long for a custom_id or an option value
    const options = Array.from({ length: 30 }, (_, n) => ({ label: `Option ${n}`, value: long(n) }));
    const sent = await outboxes[0]!.post(
      { platform: 'discord', workspaceId: fake.appId, kind: 'channel', channelId: fake.channels.general },
      { blocks: [choice('echo', 'Pick one', options), buttons([{ id: 'echo', label: 'Long one', value: long(99) }])] },
    );
    expect(sent.ok).toBe(true);
    const [post] = await waitFor(fake, isChannelPost(fake.channels.general));
    const menu = select(post!.body);
    const other = { session: 1 }; // only the replica that did not send the message receives these

    const click = run.click(post!.response, button(post!.body, /Long one/).custom_id, other);
    const [clicked] = await waitFor(fake, isEdit(click.token));
    expect(clicked!.body.content).toBe(`Chose ${long(99)}`);

    const more = run.choose(post!.response, menu.custom_id, menu.options.at(-1).value, other);
    expect((await waitFor(fake, isCallback(more.id)))[0]!.body).toEqual({ type: 5, data: { flags: 64 } }); // a private copy
    const [paged] = await waitFor(fake, isEdit(more.token));
    const later = select(paged!.body).options[0];
    expect(later.label).toBe('Option 24');
    const pageMessage = [...fake.messages.values()].find((m) => m.interaction_id === more.id);
    const pick = run.choose(pageMessage, menu.custom_id, later.value, other);
    const [picked] = await waitFor(fake, isEdit(pick.token));
    expect(picked!.body.content).toBe(`Chose ${long(24)}`);
    expect(JSON.stringify(messageBodies(fake))).not.toMatch(/expired/);
  });

  it('splits an answer too long for one message into follow-ups, and trims beyond five, never refused', async () => {
    const line = (n: number) => `line ${n} `.padEnd(99, 'x');
    const long: Capability = {
      id: 'long',
      usage: '/long',
      command: [{ name: 'size' }],
      async run(input) {
        const lines = Number(input.text) || 50;
        return privateReply(
          text(Array.from({ length: lines }, (_, n) => line(n)).join('\n')),
          fields(Array.from({ length: 30 }, (_, n) => ({ label: `F${n}`, value: 'v'.repeat(150) }))),
        );
      },
    };
    run = await startDiscordBot({ capabilities: [...capabilities, long] });
    const { fake } = run;
    const i = run.slash('long', { size: '45' });
    const follow = await waitFor(fake, isFollowUp(i.token), 2); // 4,500 characters of text and 30 fields: three messages
    const edit = fake.requests.find(isEdit(i.token))!;
    const sent = [edit.body, ...follow.map((f) => f.body)];
    expect([edit, ...follow].map((r) => r.status)).toEqual([200, 200, 200]);
    expect(follow.every((f) => f.body.flags === 64)).toBe(true);
    const shown = sent.map((b) => b.content ?? '').join('\n');
    for (let n = 0; n < 45; n++) expect(shown).toContain(line(n));
    expect(shown).not.toMatch(/Shortened/);
    const fieldsShown = sent.flatMap((b) => (b.embeds ?? []).flatMap((e: Json) => e.fields ?? []));
    expect(fieldsShown.map((f: Json) => f.name)).toEqual(Array.from({ length: 30 }, (_, n) => `F${n}`));

    const huge = run.slash('long', { size: '400' });
    const many = await waitFor(fake, isFollowUp(huge.token), 4);
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.requests.filter(isFollowUp(huge.token))).toHaveLength(4);
    expect(many.at(-1)!.body.content).toMatch(/Shortened: the rest does not fit/);
    expect(fake.requests.filter((r) => r.status === 400)).toEqual([]);
    expectNoPings(run);
  });

  it('/issues lists free issues with a button each; the button claims one and gives the exact next step', async () => {
    run = await startDiscordBot({ github: true });
    const { fake, deps } = run;
    const gh = run.gh!;
    gh.fake.addIssue('kubernetes/website', 11, {
      title: 'Docs: explain static pods',
      labels: ['good first issue', 'sig/docs'],
    });
    gh.fake.addIssue('kubernetes/kubernetes', 21, {
      title: 'kube-proxy: clearer log line @everyone',
      labels: ['good first issue', 'sig/network'],
    });
    await gh.side.refresh();

    const list = run.slash('issues', { sig: 'docs' });
    const [listed] = await waitFor(fake, isEdit(list.token));
    expect(listed!.body.content).toMatch(/Docs: explain static pods/);
    const claim = components(listed!.body).find((c) => c.type === 2 && c.custom_id === 'claim|kubernetes/website#11');
    expect(claim).toBeDefined();

    const all = run.slash('issues');
    const [both] = await waitFor(fake, isEdit(all.token));
    expect(both!.body.content).toContain('kube-proxy: clearer log line \\@everyone');

    const click = run.click(listed!.response, claim.custom_id);
    const [claimed] = await waitFor(fake, isEdit(click.token));
    expect(fake.requests.find(isCallback(click.id))!.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(run.seen.at(-1)!.requestsBefore.some(isCallback(click.id))).toBe(true); // deferred before GitHub was asked
    expect(claimed!.body.content).toContain('**Docs: explain static pods** (`kubernetes/website#11`) is yours to try!');
    expect(claimed!.body.content).toMatch(
      /open \[kubernetes\/website#11\]\(<http:\/\/127\.0\.0\.1:\d+\/kubernetes\/website\/issues\/11>\) and comment `\/assign`/,
    );
    const open = await deps.store.claims.allOpen();
    expect(open.map((c) => [c.user.platform, c.user.userId, c.key])).toEqual([
      ['discord', ada.id, 'kubernetes/website#11'],
    ]);
    expectNoPings(run);
  });
});

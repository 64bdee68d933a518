// DISCORD_GUILD_IDS parsing, and a bot also invited to another community's server staying quiet there.
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { ANY_WORKSPACE, type Reply } from '../../src/core/index.js';
import { ada, isCallback, isChannelPost, isEdit, startDiscordBot, waitFor, type Running } from './harness.js';

type Json = any;

let run: Running | undefined;
afterEach(async () => {
  await run?.close();
  run = undefined;
});

const digest: Reply = { blocks: [{ type: 'text', text: 'New this week in **Network**' }] };
const toChannel = (name: string) => ({
  platform: 'discord' as const,
  workspaceId: ANY_WORKSPACE,
  kind: 'channel' as const,
  channelId: name,
});

describe('DISCORD_GUILD_IDS', () => {
  it('takes server ids separated by commas, and names the key when one is not an id', () => {
    const ok = loadConfig({ DISCORD_GUILD_IDS: '123456789012345678, 234567890123456789,123456789012345678' });
    expect(ok.ok && ok.config.DISCORD_GUILD_IDS).toEqual(['123456789012345678', '234567890123456789']);
    const blank = loadConfig({ DISCORD_GUILD_IDS: '' });
    expect(blank.ok && blank.config.DISCORD_GUILD_IDS).toBeUndefined();
    const bad = loadConfig({ DISCORD_GUILD_IDS: 'kubernetes' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.join('\n')).toMatch(/^DISCORD_GUILD_IDS: expected Discord server ids/m);
  });
});

describe('a bot invited to another community’s server too', () => {
  it('with DISCORD_GUILD_IDS, answers there only that it serves another community, and never posts there', async () => {
    run = await startDiscordBot({ strangers: true, onlyCommunity: true });
    const { fake, deps } = run;
    const there = { guildId: fake.strangers!.guildId, channelId: fake.strangers!.channels.general };

    const sig = run.slash('sig', { interests: 'sig-network' }, there);
    const [refused] = await waitFor(fake, isCallback(sig.id));
    expect(refused!.body).toMatchObject({
      type: 4,
      data: { flags: 64, content: "This bot serves another community's server, so it does not answer here." },
    });
    const fr = run.slash('contribute', {}, { ...there, locale: 'fr' });
    const [refusedFr] = await waitFor(fake, isCallback(fr.id));
    expect(refusedFr!.body.data.content).toMatch(/autre communauté/);
    const join = run.click(
      { id: '1100000000000009999', channel_id: there.channelId, components: [] },
      'sig.pick|sig-network',
      there,
    );
    await waitFor(fake, isCallback(join.id));
    const typed = run.autocomplete('sig', { interests: 'netw' }, 'interests', there);
    const [choices] = await waitFor(fake, isCallback(typed.id));
    expect(choices!.body).toEqual({ type: 8, data: { choices: [] } });
    run.say('how do I contribute?', { ...there, mention: true });

    // The same person in the community's server, and in a DM, is answered as usual.
    const home = run.slash('contribute');
    await waitFor(fake, isEdit(home.token));
    run.say('comment contribuer ?', { dm: true });
    await waitFor(fake, isChannelPost(fake.dmWith(ada)));
    expect(run.seen.map((s) => s.event.origin.isDirect)).toEqual([false, true]); // nothing from the strangers reached the core
    expect(fake.requests.filter(isChannelPost(there.channelId))).toEqual([]);
    expect(
      await deps.store.subscriptions.list({ platform: 'discord', workspaceId: fake.appId, userId: ada.id }),
    ).toEqual([]);

    // A channel named in content is looked for in the community's server only.
    expect(await run.outbox.post(toChannel('sig-network'), digest)).toMatchObject({ ok: true });
    await waitFor(fake, isChannelPost(fake.channels.sigNetwork));
    expect(fake.requests.filter(isChannelPost(fake.strangers!.channels.sigNetwork))).toEqual([]);
  });

  it('without DISCORD_GUILD_IDS, refuses a channel name two servers share and says so at start', async () => {
    run = await startDiscordBot({ strangers: true });
    const { fake } = run;
    const warning = run.logLines.find((l: Json) => l.level === 40 && /DISCORD_GUILD_IDS is not set/.test(l.msg));
    expect(warning).toMatchObject({ guilds: 2 });

    const result = await run.outbox.post(toChannel('sig-network'), digest);
    expect(result).toEqual({
      ok: false,
      error: "channel_ambiguous: #sig-network exists in 2 Discord servers; set DISCORD_GUILD_IDS to the community's",
    });
    expect(
      fake.requests.filter(
        (r) => isChannelPost(fake.channels.sigNetwork)(r) || isChannelPost(fake.strangers!.channels.sigNetwork)(r),
      ),
    ).toEqual([]);
    // A name only one server has still resolves.
    expect(await run.outbox.post(toChannel('newcomers'), digest)).toMatchObject({ ok: true });
    await waitFor(fake, isChannelPost(fake.channels.newcomers));
  });
});

// Discord slash commands built from the capability registry, and `npm run cli -- discord register` against a fake.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommands } from '../../adapters/discord/commands.js';
import { capabilities } from '../../src/capabilities/index.js';
import { runCli } from '../../src/cli/index.js';
import { commandSpecs, createLookup } from '../../src/core/commands.js';
import { createTranslator } from '../../src/core/i18n.js';
import { realContent } from '../helpers/deps.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord.js';
import { commandProblems } from './fake-limits.js';

async function commands() {
  const content = await realContent();
  return { content, built: buildCommands(commandSpecs(capabilities), createLookup(createTranslator(content.locales))) };
}

describe('slash commands generated from the capability registry', () => {
  it('has one command per capability with a command, valid for Discord, usable in servers and DMs', async () => {
    const { built } = await commands();
    expect(built.map((c) => c.name)).toEqual(capabilities.filter((c) => c.command !== false).map((c) => c.id));
    expect(commandProblems(built)).toEqual([]);
    for (const c of built) expect(c.contexts).toEqual([0, 1]);
  });

  it('describes commands from help and offers SIG autocomplete on /sig, in French too', async () => {
    const { built } = await commands();
    const contribute = built.find((c) => c.name === 'contribute')!;
    expect(contribute.name_localizations).toEqual({ fr: 'contribuer' });
    expect(contribute.description).toMatch(/first pull request/);
    expect(contribute.description_localizations?.fr).toMatch(/première pull request/);
    const interests = built.find((c) => c.name === 'sig')!.options![0]!;
    expect(interests).toMatchObject({
      name: 'interests',
      type: 3,
      autocomplete: true,
      required: false,
      name_localizations: { fr: 'intérêts' },
    });
    const language = built.find((c) => c.name === 'language')!.options![0]!;
    expect(language).toMatchObject({ required: true });
  });

  it('has a description for every option of every command, in English and French', async () => {
    const { content } = await commands();
    const missing = commandSpecs(capabilities).flatMap((spec) =>
      spec.options.flatMap((o) =>
        (['en', 'fr'] as const)
          .filter((l) => !content.locales[l]?.[`discord.option.${spec.name}.${o.name}.description`])
          .map((l) => `${l}: /${spec.name} ${o.name}`),
      ),
    );
    expect(missing).toEqual([]);
  });
});

describe('npm run cli -- discord register', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord();
  });
  afterAll(async () => fake.close());

  const run = async (args: string[], env: Record<string, string> = {}) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['discord', 'register', ...args], {
      env: {
        DATABASE_URL: 'sqlite::memory:',
        DISCORD_TOKEN: fake.token,
        DISCORD_APPLICATION_ID: fake.appId,
        DISCORD_API_URL: fake.apiUrl,
        ...env,
      },
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const puts = () => fake.requests.filter((r) => r.method === 'PUT');

  it('registers every command in a server with one bulk PUT', async () => {
    const before = fake.requests.length;
    const result = await run(['--guild', fake.guildId]);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(/registered \d+ commands in server \d+ \(usable now\): \/contribute \/sig/);
    const made = fake.requests.slice(before);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({
      method: 'PUT',
      path: `/applications/${fake.appId}/guilds/${fake.guildId}/commands`,
      status: 200,
      auth: `Bot ${fake.token}`,
    });
    expect(made[0]!.body.map((c: { name: string }) => c.name)).toContain('sig');
  });

  it('registers globally without --guild', async () => {
    const result = await run([]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/globally/);
    expect(puts().at(-1)!.path).toBe(`/applications/${fake.appId}/commands`);
  });

  it('explains bad input instead of calling Discord', async () => {
    const count = fake.requests.length;
    expect(await run(['--guild', 'my-server'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--guild expects a server id/),
    });
    expect(await run(['--guld', '1'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/unknown argument --guld/),
    });
    expect(await run([], { DISCORD_TOKEN: '', DISCORD_APPLICATION_ID: '' })).toMatchObject({
      code: 1,
      err: expect.stringMatching(/DISCORD_TOKEN and DISCORD_APPLICATION_ID must be set/),
    });
    expect(fake.requests.length).toBe(count);
  });

  it('says what to fix when Discord refuses the token or the application, never printing the token', async () => {
    const bad = await run([], { DISCORD_TOKEN: 'wrong-token' });
    expect(bad).toMatchObject({ code: 1, err: expect.stringMatching(/rejected DISCORD_TOKEN \(401\)/) });
    expect(bad.err).not.toContain('wrong-token');
    const other = await run([], { DISCORD_APPLICATION_ID: '1100000000000000999' });
    expect(other).toMatchObject({ code: 1, err: expect.stringMatching(/check that DISCORD_APPLICATION_ID/) });
  });
});

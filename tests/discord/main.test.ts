// The onramp process with Discord configured: it starts, answers, logs no token and stops on SIGTERM.
import { afterEach, expect, it } from 'vitest';
import { startOnrampProcess, stopOnrampProcesses } from '../helpers/onramp-process.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord.js';
import { createPeople, grace } from './people.js';

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await stopOnrampProcesses();
  await fake?.close();
  fake = undefined;
});

it('the onramp process starts Discord when configured, answers, logs no token, and stops on SIGTERM', async () => {
  fake = await startFakeDiscord();
  const run = await startOnrampProcess({
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.appId,
    DISCORD_API_URL: fake.apiUrl,
  });

  const people = createPeople(fake);
  const answered = fake.next((r) => r.method === 'POST' && r.path === `/channels/${fake!.channels.general}/messages`);
  people.say('how do I contribute?', { mention: true });
  expect((await answered).body.content).toMatch(/five steps/);
  // Someone else, whose Discord is in French (the first person just wrote in English, which now wins).
  const i = people.slash('sig', {}, { locale: 'fr', user: grace });
  const edited = await fake.next((r) => r.method === 'PATCH' && r.path.includes(i.token));
  expect(edited.body.content).toMatch(/groupes/);
  expect(fake.requests.filter((r) => r.method === 'PUT')).toEqual([]);

  expect(await run.stop()).toBe(0);
  expect(run.logs()).toMatch(/"msg":"discord connected"/);
  expect(run.logs()).not.toContain(fake.token);
  expect(run.logs()).not.toContain(i.token);
}, 90_000); // a whole process boots (content, understanding, database) on a shared machine

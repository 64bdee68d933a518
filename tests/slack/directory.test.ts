// The Slack directory: names, languages and channels looked up once then remembered, failures and slow answers.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createInboxClients } from '../../adapters/slack/clients.js';
import { createBoltLogger } from '../../adapters/slack/log.js';
import { createDirectory } from '../../adapters/slack/directory.js';
import { createSilentLogger } from '../../src/log.js';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import { BOT_TOKEN } from './payloads.js';

let fake: FakeSlack;
beforeAll(async () => {
  fake = await startFakeSlack();
  fake.users.set('U0ADA', { name: 'Ada', locale: 'fr-FR' });
});
afterAll(async () => fake?.close());

/** The adapter's own lookup client (its timeouts, retries and 429 handling), against the fake. */
const lookups = () => createInboxClients(BOT_TOKEN, fake.apiUrl, createBoltLogger(createSilentLogger())).lookups;
const directory = () => createDirectory(lookups(), createSilentLogger());

describe('Slack directory', () => {
  it('finds a person’s name and Slack language once, then from memory', async () => {
    const d = directory();
    const before = fake.of('users.info').length;
    expect(await d.person('U0ADA')).toEqual({ userName: 'Ada', locale: 'fr-FR' });
    expect(await d.person('U0ADA')).toEqual({ userName: 'Ada', locale: 'fr-FR' });
    expect(fake.of('users.info').length - before).toBe(1);
  });

  it('remembers a failed lookup as "nothing known" instead of asking on every message', async () => {
    const d = directory();
    const before = fake.of('users.info').length;
    expect(await d.person('U0NOBODY')).toEqual({});
    expect(await d.person('U0NOBODY')).toEqual({});
    expect(fake.of('users.info').length - before).toBe(1);
  });

  it('resolves channel names both ways, and never looks up a DM', async () => {
    const d = directory();
    expect(await d.channelName('C0NEWBIE1')).toBe('kubernetes-novice');
    expect(await d.channelId('#sig-network')).toBe('C0NETWORK');
    expect(await d.channelId('no-such-channel')).toBeUndefined();
    const before = fake.of('conversations.info').length;
    expect(await d.channelName('D0ADA')).toBeUndefined();
    expect(fake.of('conversations.info').length).toBe(before);
  });

  it('goes on without an answer that is too slow, and keeps it for next time', async () => {
    const d = createDirectory(lookups(), createSilentLogger(), { waitMs: 50 });
    fake.users.set('U0SLOW', { name: 'Slow' });
    const release = fake.hold('users.info');
    expect(await d.person('U0SLOW')).toEqual({});
    release();
    // The same single call answers later askers once it lands.
    await vi.waitFor(async () => expect(await d.person('U0SLOW')).toEqual({ userName: 'Slow' }));
    expect(fake.calls.filter((c) => c.method === 'users.info' && c.body.user === 'U0SLOW')).toHaveLength(1);
  });
});

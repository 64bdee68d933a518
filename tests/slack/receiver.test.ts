// The Slack HTTP receiver's log of refused requests: one warning a minute with the count, whatever the flood.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createBoltLogger } from '../../adapters/slack/log.js';
import { createHttpReceiver } from '../../adapters/slack/receiver.js';
import { memoryLogger } from '../helpers/deps.js';
import { asForm, command, send, SIGNING_SECRET } from './payloads.js';

let server: Server | undefined;
afterEach(async () => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

describe('Slack HTTP receiver: refusals in the log', () => {
  it('warns once a minute whatever the flood, and the next warning carries the count since the last', async () => {
    const { log, lines } = memoryLogger();
    let clock = 1_800_000_000_000;
    const receiver = createHttpReceiver({
      signingSecret: SIGNING_SECRET,
      port: 0,
      logger: createBoltLogger(log),
      log,
      seen: async () => false,
      now: () => clock,
    });
    server = createServer(receiver.requestListener);
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
    const unsigned = () =>
      send(url, asForm(command('/contribute', '', 'http://127.0.0.1:1/respond')), { signature: null });
    const warnings = () => lines.filter((l) => l.level === 40 && String(l.msg).startsWith('slack requests refused'));

    for (let i = 0; i < 30; i++) expect((await unsigned()).status).toBe(401);
    expect(lines.filter((l) => l.msg === 'slack request refused' && l.level === 20)).toHaveLength(30); // each one, at debug level
    expect(warnings().map((w) => w.refused)).toEqual([1]); // the first at once, the flood after it silent

    clock += 61_000;
    await unsigned();
    // An operator with a wrong SLACK_SIGNING_SECRET sees it at the default level, with how many since.
    expect(warnings().map((w) => w.refused)).toEqual([1, 30]);
  });
});

// Runs the real console adapter over the real bot (real config, content and a temp SQLite store).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { createConsoleInbox, createConsoleOutbox } from '../../adapters/console/index.js';
import { boot } from '../../src/boot.js';
import { capabilities } from '../../src/capabilities/index.js';
import { createBot } from '../../src/wiring/bot.js';
import { createLookup } from '../../src/core/commands.js';

export async function runConsole(lines: string[], env: Record<string, string> = {}): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-console-'));
  const booted = await boot(
    { DATABASE_URL: `sqlite:${path.join(dir, 'bot.db')}`, ...env },
    { logFd: 2, logLevel: 'silent' },
  );
  try {
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (c: Buffer) => chunks.push(c));
    const adapter = createConsoleInbox({
      input: Readable.from(lines.map((l) => `${l}\n`)),
      output,
      interactive: false,
      say: createLookup(booted.deps.translator),
    });
    // As `npm start` in console mode: what would be sent to someone else is shown in the same transcript.
    const outboxes = [createConsoleOutbox({ output, say: createLookup(booted.deps.translator) })];
    await adapter.start(createBot({ ...booted.deps, outboxes }, capabilities).dispatch);
    await adapter.done;
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    await booted.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Splits a transcript into [line, reply] pairs. */
export function exchanges(transcript: string): [string, string][] {
  return transcript
    .split(/^> /m)
    .slice(1)
    .map((part) => {
      const [first, ...rest] = part.split('\n');
      return [first!, rest.join('\n').trim()];
    });
}

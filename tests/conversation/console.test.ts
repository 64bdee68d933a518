// Whole conversations in the console: the quick-start script, numbered choices, languages, and npm start on stdin.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exchanges, runConsole } from '../helpers/console.js';

describe('console conversation', () => {
  it('walks the quick-start script: path, SIG list, one SIG, picking by number, then French', async () => {
    const transcript = await runConsole([
      'how do I contribute?',
      '/sig',
      '/sig sig-network',
      '1',
      'comment contribuer ?',
    ]);
    const turns = exchanges(transcript);
    expect(turns.map(([line]) => line)).toEqual([
      'how do I contribute?',
      '/sig',
      '/sig sig-network',
      '1',
      'comment contribuer ?',
    ]);
    expect(turns[0]![1]).toMatch(/Contributing to Kubernetes takes five steps/);
    expect(turns[1]![1]).toMatch(/\[1\] API Machinery/);
    expect(turns[2]![1]).toMatch(/\[1\] Join/);
    expect(turns[3]![1]).toMatch(/You joined Network/);
    expect(turns[4]![1]).toMatch(/Bienvenue ! Contribuer à Kubernetes/);
  });

  it('answers a number against the latest choice, and gives the range for a number beside it, in the reply language', async () => {
    const turns = exchanges(await runConsole(['/sig', '16', '999', 'comment contribuer ?', '7', '1']));
    expect(turns[1]![1]).toMatch(/You joined Node/);
    expect(turns[2]![1]).toMatch(/^Type a number from 1 to \d+, or just write your question\.$/);
    expect(turns[4]![1]).toBe('Tapez un numéro de 1 à 2, ou écrivez simplement votre question.');
    expect(turns[5]![1]).toMatch(/La communauté compte/); // the choices are still there after the slip
  });

  it('passes a long number (an issue number) to the bot even when choices are on screen', async () => {
    const turns = exchanges(await runConsole(['/issues', '51207']));
    expect(turns[1]![1]).not.toMatch(/Type a number/);
  });

  it('never presses a button from an older reply', async () => {
    const turns = exchanges(await runConsole(['/sig', '/help', '16']));
    expect(turns[2]![1]).not.toMatch(/You joined/);
  });

  it('answers a click in the language of the last message, since a click has no words', async () => {
    const turns = exchanges(await runConsole(['comment contribuer ?', '1']));
    expect(turns[1]![1]).toMatch(/La communauté compte/);
  });

  it('speaks its own words (the picker hint) in the reply language', async () => {
    const turns = exchanges(await runConsole(['/sig', '/language fr', '/sig']));
    expect(turns[0]![1]).toMatch(/\(type a number\):/);
    expect(turns[2]![1]).toMatch(/\(tapez un numéro\):/);
  });

  it('helps with an unknown command and with gibberish', async () => {
    const turns = exchanges(await runConsole(['/frobnicate', 'qsdkjh zzkx']));
    expect(turns[0]![1]).toMatch(/don't know the command `?\/frobnicate/);
    expect(turns[1]![1]).toMatch(/not sure I understood/);
  });

  it('npm start reads stdin, writes the transcript and exits 0 at end of input', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-start-'));
    const result = spawnSync('npm', ['start', '--silent'], {
      input: 'how do I contribute?\ncomment contribuer ?\n',
      env: { ...process.env, DATABASE_URL: `sqlite:${path.join(dir, 'db.sqlite')}`, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(0);
    const turns = exchanges(result.stdout);
    expect(turns).toHaveLength(2);
    expect(turns[1]![1]).toMatch(/Bienvenue/);
  });

  it('npm start refuses a bad environment with one line per problem and exit 1', () => {
    const result = spawnSync('npm', ['start', '--silent'], {
      input: '',
      env: { ...process.env, DIGEST_CRON: 'nope', PORT: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^DIGEST_CRON: /m);
    expect(result.stderr).toMatch(/^PORT: /m);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

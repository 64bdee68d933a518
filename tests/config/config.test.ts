// Configuration from the environment, check-config's exit codes and lines, .env.example's keys, and cli --help.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cliRun } from '../helpers/cli.js';
import { loadConfig } from '../../src/config/load.js';
import { CONFIG_KEYS } from '../../src/config/schema.js';

const cli = cliRun;

describe('configuration', () => {
  it('runs with no environment at all: console, SQLite, bundled content', () => {
    const r = loadConfig({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.DATABASE_URL).toBe('sqlite:data/onramp.db');
    expect(r.config.CONTENT_DIR).toBe('content');
    expect(r.config.PORT).toBe(3000);
    expect(r.config.DIGEST_CRON).toBe('0 9 * * 1');
    expect(r.config.SLACK_BOT_TOKEN).toBeUndefined();
  });

  it('treats blank values as unset, as a copied .env.example has them', () => {
    const r = loadConfig({ SLACK_BOT_TOKEN: '', PORT: '  ', SIGS_FILE: '' });
    expect(r.ok).toBe(true);
  });

  it('lists every problem at once, naming each variable', () => {
    const r = loadConfig({
      DATABASE_URL: 'mysql://x',
      PORT: '99999',
      DIGEST_CRON: 'every monday',
      DIGEST_TIMEZONE: 'Mars/Olympus',
      DEFAULT_LOCALE: 'Deutsch', // not a language code (a code content lacks is check-config's to report)
      SLACK_APP_TOKEN: 'xapp-1',
      DISCORD_TOKEN: 'abc',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const keys = r.problems.map((p) => p.split(':')[0]);
    expect(keys).toEqual(
      expect.arrayContaining([
        'DATABASE_URL',
        'PORT',
        'DIGEST_CRON',
        'DIGEST_TIMEZONE',
        'DEFAULT_LOCALE',
        'SLACK_BOT_TOKEN',
        'DISCORD_APPLICATION_ID',
      ]),
    );
  });

  it('accepts each platform when its keys come together', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).ok).toBe(true);
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).ok).toBe(true);
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' }).ok).toBe(false);
    expect(loadConfig({ DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: '123456789' }).ok).toBe(true);
  });

  it('sends tokens over https only, except to this machine', () => {
    const bad = loadConfig({ GITHUB_API_URL: 'http://api.github.com', SLACK_API_URL: 'ftp://slack.com/api/' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => p.split(':')[0])).toEqual(['GITHUB_API_URL', 'SLACK_API_URL']);
    expect(loadConfig({ GITHUB_API_URL: 'http://127.0.0.1:8080', DISCORD_API_URL: 'http://localhost:9/api' }).ok).toBe(
      true,
    );
  });

  it('never echoes a secret value in a problem', () => {
    const r = loadConfig({ SLACK_BOT_TOKEN: 'not-a-token-SECRET123' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.join('\n')).not.toContain('SECRET123');
  });
});

describe('check-config', () => {
  it('exits 0 on a valid setup', async () => {
    const r = await cli(['check-config']);
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/valid/);
  });

  it('exits 1 with one line per problem, environment and content together, never a stack trace', async () => {
    const r = await cli(['check-config'], { PORT: 'x', CONTENT_DIR: 'tests/fixtures/no-such-dir' });
    expect(r.code).toBe(1);
    expect(r.err.some((l) => l.startsWith('PORT:'))).toBe(true);
    expect(r.err.some((l) => l.includes('community.yaml'))).toBe(true);
    expect(r.err.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('says so for an unknown command', async () => {
    const r = await cli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err[0]).toContain('unknown command');
  });
});

describe('.env.example', () => {
  it('lists every configuration key, in the schema order, each with a comment', () => {
    const lines = readFileSync('.env.example', 'utf8').split('\n');
    const keys = lines.map((l) => /^([A-Z_]+)=/.exec(l)?.[1]).filter(Boolean);
    expect(keys).toEqual(CONFIG_KEYS);
    for (const key of CONFIG_KEYS) {
      const at = lines.findIndex((l) => l.startsWith(`${key}=`));
      expect(lines[at - 1], `comment above ${key}`).toMatch(/^#/);
    }
  });
});

describe('cli --help', () => {
  it('prints the usage of any command and exits 0', async () => {
    for (const name of [['check-config'], ['eval'], ['issues', 'list'], ['digest']]) {
      const r = await cli([...name, '--help']);
      expect(r.code, name.join(' ')).toBe(0);
      expect(r.out[0], name.join(' ')).toMatch(new RegExp(`^usage: npm run cli -- ${name.join(' ')}`));
    }
  });
});

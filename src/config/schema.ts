// The one configuration schema: every environment variable onramp reads, its default and its check.
import { z } from 'zod';
import { isTimeZone } from '../content/schema.js';
import { isValidCron } from '../jobs/schedule.js';

/** Blank values in a .env file mean "not set", so defaults apply instead of failing. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.default(fallback as never));

/** Tokens travel to these APIs: plain http is allowed only to this machine (test fakes, local proxies). */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const httpUrl = (what: string) =>
  z.string().refine((v) => {
    if (!URL.canParse(v)) return false;
    const url = new URL(v);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  }, `expected an https URL for ${what} (http only to localhost)`);

const databaseUrl = z
  .string()
  .refine(
    (v) => /^sqlite:.+/.test(v) || /^postgres(ql)?:\/\/.+/.test(v),
    'expected sqlite:PATH (e.g. sqlite:data/onramp.db) or postgres://user@host:5432/db',
  );

const timezone = z.string().refine(isTimeZone, 'expected an IANA time zone such as UTC or Europe/Paris');

const cron = z.string().refine(isValidCron, 'expected a cron expression such as "0 9 * * 1" (Mondays 09:00)');

/** A whole number in a range; the message names the range so the operator knows what to write. */
const wholeNumber = (min: number, max: number, unit: string) => {
  const message = `expected a whole number of ${unit} from ${min} to ${max}`;
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);
};

/** `sig=/team,issues=/team-issues` → { sig: '/k8s-sig', issues: '/k8s-issues' }: capability id → Slack command. */
const SLACK_COMMAND_PAIR = /^([a-z][a-z0-9_-]*)=(\/[a-z0-9][a-z0-9_.-]{0,30})$/;
const slackCommandNames = z
  .string()
  .refine(
    (v) => v.split(',').every((pair) => SLACK_COMMAND_PAIR.test(pair.trim())),
    'expected capability=/command pairs separated by commas, e.g. sig=/team,issues=/team-issues (lowercase, at most 32 characters)',
  )
  .transform((v) =>
    Object.fromEntries(
      v.split(',').map((pair) => SLACK_COMMAND_PAIR.exec(pair.trim())!.slice(1, 3) as [string, string]),
    ),
  );

/** `123…,456…` → ['123…', '456…']: the Discord servers (guilds) the bot serves, by id. */
const SNOWFLAKE = /^\d{5,25}$/;
const discordGuildIds = z
  .string()
  .refine(
    (v) => v.split(',').every((id) => SNOWFLAKE.test(id.trim())),
    'expected Discord server ids separated by commas, e.g. 123456789012345678,234567890123456789 (Copy Server ID in Discord)',
  )
  .transform((v) => [...new Set(v.split(',').map((id) => id.trim()))]);

/**
 * Keys in the order `.env.example` lists them (a test keeps the two in step). Defaults are the
 * values a fresh clone runs with: an embedded SQLite file, bundled content, the console adapter.
 */
export const configShape = {
  DATABASE_URL: withDefault(databaseUrl, 'sqlite:data/onramp.db'),
  CONTENT_DIR: withDefault(z.string(), 'content'),
  SIGS_FILE: optional(z.string()),
  /** Any language content provides (locales/<code>.json); check-config says when it provides none. */
  DEFAULT_LOCALE: withDefault(
    z.string().regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/, 'expected a language code such as en, fr or es'),
    'en',
  ),
  LOG_LEVEL: withDefault(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
  PORT: withDefault(
    z.coerce
      .number({ error: 'expected a port number (1-65535)' })
      .int('expected a port number (1-65535)')
      .min(1, 'expected a port number (1-65535)')
      .max(65535, 'expected a port number (1-65535)'),
    3000,
  ),
  GITHUB_TOKEN: optional(z.string()),
  GITHUB_API_URL: withDefault(httpUrl('GITHUB_API_URL'), 'https://api.github.com'),
  GITHUB_TIMEOUT_SECONDS: withDefault(wholeNumber(1, 120, 'seconds'), 10),
  ISSUES_SOURCE: withDefault(z.enum(['auto', 'github', 'sample']), 'auto'),
  ISSUES_REFRESH_MINUTES: withDefault(wholeNumber(5, 1440, 'minutes'), 30),
  CLAIM_MAX_OPEN: withDefault(wholeNumber(1, 20, 'claims'), 1),
  CLAIM_REMIND_DAYS: withDefault(wholeNumber(1, 90, 'days'), 7),
  CLAIM_RELEASE_DAYS: withDefault(wholeNumber(1, 90, 'days'), 7),
  RETENTION_MONTHS: withDefault(wholeNumber(1, 120, 'months'), 24),
  MENTOR_MAX_MENTEES: withDefault(wholeNumber(1, 20, 'newcomers'), 3),
  MENTOR_ANSWER_HOURS: withDefault(wholeNumber(1, 336, 'hours'), 24),
  PR_NUDGE_DAYS: withDefault(wholeNumber(1, 90, 'days'), 7),
  STARTER_ISSUE_LIMIT: withDefault(wholeNumber(0, 20, 'pull requests'), 2),
  SLACK_BOT_TOKEN: optional(z.string().startsWith('xoxb-', 'expected a bot token starting with xoxb-')),
  SLACK_SIGNING_SECRET: optional(z.string()),
  SLACK_APP_TOKEN: optional(z.string().startsWith('xapp-', 'expected an app-level token starting with xapp-')),
  SLACK_API_URL: withDefault(httpUrl('SLACK_API_URL'), 'https://slack.com/api/'),
  SLACK_COMMAND_NAMES: optional(slackCommandNames),
  DISCORD_TOKEN: optional(z.string()),
  DISCORD_APPLICATION_ID: optional(z.string().regex(/^\d{5,25}$/, 'expected the numeric application id')),
  DISCORD_API_URL: withDefault(httpUrl('DISCORD_API_URL'), 'https://discord.com/api'),
  DISCORD_GUILD_IDS: optional(discordGuildIds),
  /**
   * `true` once the Message Content intent is switched on in the Developer Portal: plain messages in the
   * content's Discord newcomer channels are then read, as on Slack (Discord sends their text only then).
   */
  DISCORD_MESSAGE_CONTENT: withDefault(z.enum(['true', 'false']), 'false').transform((v) => v === 'true'),
  DIGEST_CRON: withDefault(cron, '0 9 * * 1'),
  DIGEST_TIMEZONE: withDefault(timezone, 'UTC'),
  METRICS_TOKEN: optional(z.string().min(16, 'expected at least 16 characters (a random token: openssl rand -hex 32)')),
} as const;

type Problem = { key: string; message: string };
const isSet = (v: unknown) => typeof v === 'string' && v.trim() !== '';

/**
 * Rules across keys: a platform's keys are all-or-none. Kept apart from the object schema so they are
 * reported even when another key is invalid (every problem in one run).
 */
export function crossCheck(env: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const anySlack = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'].some((k) => isSet(env[k]));
  if (anySlack && !isSet(env.SLACK_BOT_TOKEN))
    problems.push({ key: 'SLACK_BOT_TOKEN', message: 'required when any SLACK_* token or secret is set' });
  if (isSet(env.SLACK_BOT_TOKEN) && !isSet(env.SLACK_SIGNING_SECRET) && !isSet(env.SLACK_APP_TOKEN))
    problems.push({
      key: 'SLACK_SIGNING_SECRET',
      message: 'set SLACK_SIGNING_SECRET (HTTP events) or SLACK_APP_TOKEN (Socket Mode) with SLACK_BOT_TOKEN',
    });
  if (isSet(env.DISCORD_TOKEN) !== isSet(env.DISCORD_APPLICATION_ID))
    problems.push({
      key: isSet(env.DISCORD_TOKEN) ? 'DISCORD_APPLICATION_ID' : 'DISCORD_TOKEN',
      message: 'DISCORD_TOKEN and DISCORD_APPLICATION_ID go together',
    });
  return problems;
}

export const configSchema = z.object(configShape);

export type Config = z.infer<typeof configSchema>;
export type ConfigKey = keyof typeof configShape;
export const CONFIG_KEYS = Object.keys(configShape) as ConfigKey[];

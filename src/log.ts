// Structured logging with secrets redacted; user text is a field value, never part of a message.
import pino from 'pino';
import { scrubSecrets } from './core/secrets.js';

export type Logger = pino.Logger;

/** Anything that can act as a credential is redacted wherever it appears one or two levels deep. */
const REDACT = [
  'token',
  '*.token',
  '*.*.token',
  'authorization',
  '*.authorization',
  '*.headers.authorization',
  'response_url',
  '*.response_url',
  '*.*.response_url',
  'GITHUB_TOKEN',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  'DISCORD_TOKEN',
  'METRICS_TOKEN',
  '*.GITHUB_TOKEN',
  '*.SLACK_BOT_TOKEN',
  '*.SLACK_APP_TOKEN',
  '*.SLACK_SIGNING_SECRET',
  '*.DISCORD_TOKEN',
  '*.METRICS_TOKEN',
];

/** Errors keep their kind and stack, but a token quoted in a message or a stack line is removed. */
function serializeError(err: unknown) {
  const out = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  for (const key of ['message', 'stack']) if (typeof out[key] === 'string') out[key] = scrubSecrets(out[key] as string);
  return out;
}

/** `to` 2 keeps logs off stdout when stdout carries the console transcript; tests pass a stream. */
export function createLogger(level: string, to: 1 | 2 | pino.DestinationStream = 1): Logger {
  return pino(
    { level, redact: { paths: REDACT, censor: '[redacted]' }, serializers: { err: serializeError } },
    typeof to === 'number' ? pino.destination({ fd: to, sync: true }) : to,
  );
}

export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}

// Structured logging with secrets redacted; user text is a field value, never part of a message.
import pino from 'pino';

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
  '*.GITHUB_TOKEN',
  '*.SLACK_BOT_TOKEN',
  '*.SLACK_APP_TOKEN',
  '*.SLACK_SIGNING_SECRET',
  '*.DISCORD_TOKEN',
];

/** `fd` 2 keeps logs off stdout when stdout carries the console transcript. */
export function createLogger(level: string, fd: 1 | 2 = 1): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' } }, pino.destination({ fd, sync: true }));
}

export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}

// Logging for the adapter: Bolt's own lines go through onramp's logger, scrubbed of tokens and response URLs.
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import { scrubSecrets } from '../../src/core/index.js';

/** The part of onramp's logger (pino) the adapter needs. */
export interface Log {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** An error as a log field: its kind and scrubbed message, never the request or response it may carry. */
export function errorField(err: unknown): Record<string, string> {
  if (!(err instanceof Error)) return { message: scrubSecrets(String(err)).slice(0, 500) };
  const code = (err as { code?: unknown }).code;
  const platform = (err as { data?: { error?: unknown } }).data?.error;
  return {
    name: err.name,
    message: scrubSecrets(err.message).slice(0, 500),
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof platform === 'string' ? { slackError: platform } : {}),
  };
}

const words = (args: unknown[]) =>
  scrubSecrets(
    args
      .map((a) => (a instanceof Error ? a.message : typeof a === 'object' && a !== null ? '[object]' : String(a)))
      .join(' '),
  ).slice(0, 1000);

/**
 * Debug lines are dropped whatever the level: Bolt and the Socket Mode client print whole payloads
 * there, response_url included. Objects are never printed either, for the same reason.
 */
export function createBoltLogger(log: Log): BoltLogger {
  let level = LogLevel.INFO;
  return {
    debug() {},
    info: (...args: unknown[]) => {
      if (level === LogLevel.INFO || level === LogLevel.DEBUG) log.info({ bolt: words(args) }, 'slack');
    },
    warn: (...args: unknown[]) => {
      if (level !== LogLevel.ERROR) log.warn({ bolt: words(args) }, 'slack');
    },
    error: (...args: unknown[]) => log.error({ bolt: words(args) }, 'slack'),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

// HTTP events: Bolt's HTTPReceiver (HMAC signature, 5-minute staleness) behind a guard for what it lets
// through — timestamps from the future and exact replays of a signed request are refused with 401.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, HTTPReceiver, isValidSlackRequest, type Logger as BoltLogger } from '@slack/bolt';
import type { Log } from './log.js';

export const ENDPOINT = '/slack/events';
/** Slack's window: a request more than five minutes from now, either way, is refused. */
export const WINDOW_SECONDS = 300;

export interface ReceiverOptions {
  signingSecret: string;
  port: number;
  logger: BoltLogger;
  log: Log;
  now?: () => number;
}

/** Signatures already accepted within the window; bounded, so a flood cannot grow it without limit. */
function createReplayCache(max = 50_000) {
  const until = new Map<string, number>();
  return (key: string, nowSec: number): boolean => {
    for (const [k, expiry] of until) {
      if (expiry >= nowSec && until.size < max) break;
      until.delete(k);
    }
    if (until.has(key)) return true;
    until.set(key, nowSec + 2 * WINDOW_SECONDS);
    return false;
  };
}

/** Events API deliveries carry an event_id the app deduplicates, and answers 200 so Slack stops retrying. */
function isEventCallback(req: IncomingMessage, body: string): boolean {
  if (!req.headers['content-type']?.startsWith('application/json')) return false;
  try {
    return (JSON.parse(body) as { type?: unknown }).type === 'event_callback';
  } catch {
    return false;
  }
}

function refuse(res: ServerResponse, status: number) {
  res.writeHead(status);
  res.end();
}

export function createHttpReceiver(options: ReceiverOptions): HTTPReceiver {
  const { signingSecret, log } = options;
  const now = options.now ?? Date.now;
  const receiver = new HTTPReceiver({ signingSecret, endpoints: ENDPOINT, port: options.port, logger: options.logger, processBeforeResponse: false });
  const seenSignature = createReplayCache();

  /** True when Bolt may go on; Bolt then verifies the signature itself and reuses the buffered body. */
  async function admit(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    let rawBody: Buffer;
    try {
      rawBody = (await HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit)).rawBody;
    } catch (err) {
      refuse(res, HTTPModuleFunctions.isRawBodyError(err) && err.statusCode === 413 ? 413 : 400);
      return false;
    }
    const stamp = req.headers['x-slack-request-timestamp'];
    const signature = req.headers['x-slack-signature'];
    if (typeof stamp !== 'string' || typeof signature !== 'string') return true; // Bolt answers ssl_check and refuses the rest
    const timestamp = Number(stamp);
    const nowSec = Math.floor(now() / 1000);
    if (timestamp > nowSec + WINDOW_SECONDS) {
      log.warn({ reason: 'timestamp in the future' }, 'slack request refused');
      refuse(res, 401);
      return false;
    }
    const body = rawBody.toString();
    const valid = isValidSlackRequest({ signingSecret, body, headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp } });
    if (valid && seenSignature(`${timestamp}:${signature}`, nowSec) && !isEventCallback(req, body)) {
      log.warn({ reason: 'replayed request' }, 'slack request refused');
      refuse(res, 401);
      return false;
    }
    return true;
  }

  const bolt = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'POST' || path !== ENDPOINT) return bolt(req, res);
    admit(req, res).then(
      (ok) => ok && bolt(req, res),
      () => refuse(res, 400),
    );
  };
  return receiver;
}

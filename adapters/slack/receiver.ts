// HTTP events: Bolt's HTTPReceiver behind a guard that refuses, before Bolt sees them, requests not signed
// by Slack within five minutes of now (either way) and copies of a signed command or click already accepted.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, HTTPReceiver, isValidSlackRequest, type Logger as BoltLogger } from '@slack/bolt';
import { within } from '../../src/core/index.js';
import { errorField, type Log } from './log.js';

export const ENDPOINT = '/slack/events';
/** Liveness for probes, on the same port: no signature, no body beyond "ok". */
const HEALTH = '/healthz';

/** Another handler on the events port (probes, metrics); true when it answered the request. */
export type ExtraRoutes = (req: IncomingMessage, res: ServerResponse) => boolean;

/** The default extra route: GET /healthz says the process is up and serving this port, and nothing else. */
export const healthRoute: ExtraRoutes = (req, res) => {
  if (req.method !== 'GET' || new URL(req.url ?? '/', 'http://localhost').pathname !== HEALTH) return false;
  res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  return true;
};
/** Slack's window: a request more than five minutes from now, either way, is refused. */
export const WINDOW_SECONDS = 300;
/** Refusals are counted and reported at most this often, so a flood of forged requests cannot flood the log. */
const REPORT_EVERY_MS = 60_000;

export interface ReceiverOptions {
  signingSecret: string;
  port: number;
  logger: BoltLogger;
  log: Log;
  /**
   * Records an accepted signature; true when it was accepted before. Shared by replicas through the store,
   * so a copy sent to another replica is refused too.
   */
  seen(id: string): Promise<boolean>;
  now?: () => number;
  /** Tried before anything else except POST /slack/events (default: GET /healthz). */
  extraRoutes?: ExtraRoutes;
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

/** Slack's SSL check carries no signature; Bolt answers it and strips anything else from it. */
function isSslCheck(req: IncomingMessage, body: string): boolean {
  return (
    req.headers['content-type'] === 'application/x-www-form-urlencoded' &&
    new URLSearchParams(body).get('ssl_check') === '1'
  );
}

function refuse(res: ServerResponse, status: number) {
  res.writeHead(status);
  res.end();
}

/**
 * One debug line per refusal, and one warning per minute with the count: a wrong SLACK_SIGNING_SECRET
 * still shows at the default level, a flood costs one line a minute.
 */
function createRefusalReport(log: Log, now: () => number) {
  let lastReport = -Infinity;
  let since = 0;
  return (reason: string) => {
    since += 1;
    log.debug({ reason }, 'slack request refused');
    if (now() - lastReport < REPORT_EVERY_MS) return;
    log.warn(
      { refused: since, last: reason },
      'slack requests refused (not signed with SLACK_SIGNING_SECRET, outside the 5-minute window, or replayed)',
    );
    lastReport = now();
    since = 0;
  };
}

/** The longest the replay record may take before a request is let through unchecked (a stalled database). */
const REPLAY_CHECK_MS = 500;

export function createHttpReceiver(options: ReceiverOptions): HTTPReceiver {
  const { signingSecret, log } = options;
  const now = options.now ?? Date.now;
  // The guard below checks every request to ENDPOINT once; Bolt checking again cost a second HMAC per request.
  const receiver = new HTTPReceiver({
    signingSecret,
    endpoints: ENDPOINT,
    port: options.port,
    logger: options.logger,
    processBeforeResponse: false,
    signatureVerification: false,
  });
  const refused = createRefusalReport(log, now);

  /** Why the request is refused, or null when Bolt may go on (reusing the buffered body; it does not verify again). */
  async function check(req: IncomingMessage, body: string): Promise<string | null> {
    if (isSslCheck(req, body)) return null;
    const stamp = req.headers['x-slack-request-timestamp'];
    const signature = req.headers['x-slack-signature'];
    if (typeof stamp !== 'string' || typeof signature !== 'string') return 'unsigned';
    const timestamp = Number(stamp);
    const nowMs = now();
    if (
      !isValidSlackRequest({
        signingSecret,
        body,
        headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
        nowMilliseconds: nowMs,
      })
    )
      return 'bad or stale signature';
    if (timestamp > Math.floor(nowMs / 1000) + WINDOW_SECONDS) return 'timestamp in the future';
    if (isEventCallback(req, body)) return null; // a Slack retry is answered 200 and deduplicated by event_id
    const recorded = options.seen(`sig:${timestamp}:${signature}`).catch((err: unknown) => {
      // Without the store a copy cannot be recognised; the signature is valid and fresh, so answer.
      log.warn({ err: errorField(err) }, 'slack signature not recorded');
      return false;
    });
    // This runs before Bolt acknowledges, inside Slack's 3 seconds: a stalled store must not cost the answer.
    const replayed = await within(recorded, REPLAY_CHECK_MS, () => {
      log.warn({ waitedMs: REPLAY_CHECK_MS }, 'slack replay check too slow; answering without it');
      return false;
    });
    return replayed ? 'replayed' : null;
  }

  async function admit(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    let rawBody: Buffer;
    try {
      rawBody = (await HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit)).rawBody;
    } catch (err) {
      refuse(res, HTTPModuleFunctions.isRawBodyError(err) && err.statusCode === 413 ? 413 : 400);
      return false;
    }
    const reason = await check(req, rawBody.toString());
    if (reason === null) return true;
    refused(reason);
    refuse(res, 401);
    return false;
  }

  const bolt = receiver.requestListener;
  const extra = options.extraRoutes ?? healthRoute;
  receiver.requestListener = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const events = req.method === 'POST' && path === ENDPOINT;
    // Probes and metrics share the port; Slack's endpoint stays Slack's whatever they match.
    if (!events && extra(req, res)) return;
    if (!events) return bolt(req, res);
    admit(req, res).then(
      (ok) => ok && bolt(req, res),
      () => refuse(res, 400),
    );
  };
  return receiver;
}

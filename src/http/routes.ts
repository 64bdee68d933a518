// The operations routes (/healthz, /readyz, /metrics) as one request handler, so they can share a port with Slack's receiver.
import { timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readiness } from './readiness.js';

/** Answers the request and returns true when it is one of these routes; false leaves it to the caller. */
export type OpsHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

export interface OpsRoutesOptions {
  readiness: Readiness;
  metrics: { render(): Promise<string>; readonly contentType: string };
  /** When set, /metrics requires `Authorization: Bearer <token>`. */
  metricsToken?: string | undefined;
}

export const PATHS = { health: '/healthz', ready: '/readyz', metrics: '/metrics' } as const;

/** Compares digests so neither the token's length nor its content leaks through timing. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (v: string) => createHash('sha256').update(v).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function send(res: ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

export function createOpsRoutes(options: OpsRoutesOptions): OpsHandler {
  const { readiness, metrics, metricsToken } = options;

  async function ready(res: ServerResponse) {
    const report = await readiness.evaluate();
    if (report.ready) send(res, 200, 'application/json', JSON.stringify({ ready: true }));
    else send(res, 503, 'application/json', JSON.stringify({ ready: false, notReady: report.notReady }));
  }

  async function scrape(req: IncomingMessage, res: ServerResponse) {
    if (metricsToken) {
      const header = req.headers.authorization ?? '';
      const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
      if (!sameSecret(given, metricsToken)) {
        res.writeHead(401, { 'www-authenticate': 'Bearer realm="metrics"' });
        return void res.end();
      }
    }
    send(res, 200, metrics.contentType, await metrics.render());
  }

  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== PATHS.health && path !== PATHS.ready && path !== PATHS.metrics) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return true;
    }
    const failed = () => {
      if (!res.headersSent) send(res, 500, 'text/plain', 'error\n');
      else res.destroy();
    };
    if (path === PATHS.health) send(res, 200, 'text/plain', 'ok\n');
    else if (path === PATHS.ready) ready(res).catch(failed);
    else scrape(req, res).catch(failed);
    return true;
  };
}

// What both halves do with every REST response: log rate limits (never tokens), and release the copy unread.
import { RESTEvents, type REST } from 'discord.js';
import { safePath, type Log } from './context.js';

/**
 * discord.js queues and retries 429s itself; they are logged because Discord bans an IP after 10,000
 * invalid requests (401, 403, 429) in 10 minutes. The copy of each response is released unread.
 */
export function watchRest(rest: REST, log: Log): void {
  rest.on(RESTEvents.Response, (request, response) => {
    try {
      if (response.status === 429) {
        const h = response.headers;
        const fields = {
          method: request.method,
          path: safePath(`http://discord${request.path}`),
          retryAfter: h.get('retry-after'),
          scope: h.get('x-ratelimit-scope') ?? 'user',
          global: h.has('x-ratelimit-global'),
        };
        log.warn(fields, 'discord rate limit: waiting as told');
      }
      // Only a real clone may be released: other strategies hand over the original body itself.
      if (response instanceof Response) void response.body?.cancel().catch(() => undefined);
    } catch {
      // Logging must never break a request.
    }
  });
}

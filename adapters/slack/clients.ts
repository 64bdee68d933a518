// The adapter's Web API clients, one per kind of work, each with the timeouts and retries that work can afford.
import { webApi, type Logger as BoltLogger } from '@slack/bolt';
import { retryOnlyUnsent } from './transport.js';

/**
 * Interactive answers: a slow Slack must not hold a person for long, so short timeouts and few retries,
 * and none of a post that may have arrived (the same answer twice in a thread).
 */
export const INTERACTIVE = {
  timeout: 5_000,
  retryConfig: {
    retries: 2,
    factor: 2,
    minTimeout: 250,
    maxTimeout: 2_000,
    randomize: true,
    onFailedAttempt: retryOnlyUnsent,
  },
};
/**
 * Lookups (users.info, conversations.info, conversations.list) on a client of their own: a 429 there fails
 * the lookup at once, remembered until Slack's Retry-After, and never pauses the queue chat answers use.
 */
const LOOKUPS = {
  timeout: 5_000,
  retryConfig: { retries: 1, factor: 2, minTimeout: 250, maxTimeout: 1_000, randomize: true },
  rejectRateLimitedCalls: true,
};
/** Push posts can wait: a longer timeout, one attempt, and 429s reported to the caller (see push.ts). */
const PUSH = { timeout: 15_000, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, maxRequestConcurrency: 4 };
/** response_url answers go through fetch, which has no timeout of its own. */
const timedFetch =
  (ms: number): typeof fetch =>
  (url, init) =>
    fetch(url, { ...init, signal: init?.signal ?? AbortSignal.timeout(ms) });

/** What every client shares: the API base, the logger, and fetch with a timeout (Bolt's respond() uses it too). */
export const baseClientOptions = (apiUrl: string | undefined, logger: BoltLogger) => ({
  slackApiUrl: apiUrl ?? 'https://slack.com/api/',
  logger,
  fetch: timedFetch(10_000),
});

/** The inbox's clients: answers to people, and lookups that never pause them. */
export function createInboxClients(botToken: string, apiUrl: string | undefined, logger: BoltLogger) {
  const base = baseClientOptions(apiUrl, logger);
  return {
    interactive: new webApi.WebClient(botToken, { ...base, ...INTERACTIVE }),
    lookups: new webApi.WebClient(botToken, { ...base, ...LOOKUPS }),
  };
}

/** The outbox's clients: push posts, and the channel list that names resolve through. */
export function createOutboxClients(botToken: string, apiUrl: string | undefined, logger: BoltLogger) {
  const base = baseClientOptions(apiUrl, logger);
  return {
    lookups: new webApi.WebClient(botToken, { ...base, ...LOOKUPS }),
    push: new webApi.WebClient(botToken, { ...base, ...PUSH }),
  };
}

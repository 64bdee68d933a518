// The Slack platform, in two halves built separately: the inbox receives (Bolt, HTTP or Socket Mode) and
// the outbox posts (Web API only), so jobs and the CLI can post without receiving anything.
export { createSlackInbox, type SlackInbox, type SlackInboxOptions } from './inbox.js';
export { createSlackOutbox, type SlackOutboxOptions } from './outbox.js';
export type { ExtraRoutes } from './receiver.js';

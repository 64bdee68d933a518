// The Discord platform, in two halves built separately: the inbox receives (a gateway session) and the
// outbox posts (REST only), so jobs and the CLI can post without a second session answering in the bot's place.
export { createDiscordInbox, type DiscordInboxOptions } from './inbox.js';
export { createDiscordOutbox, type DiscordOutboxOptions } from './outbox.js';
export { buildCommands } from './commands.js';
export { registerCommands } from './register.js';
export {
  planOnboarding,
  snowflakeFactory,
  ONBOARDING_LIMITS,
  type OnboardingGroup,
  type OnboardingKind,
  type OnboardingPlan,
} from './onboarding.js';
export { createOnboardingRest } from './onboarding-rest.js';

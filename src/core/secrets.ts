// Recognises credentials inside free text (error messages, stacks, URLs) so logs never carry them.

/**
 * Slack bot/user/app tokens, Slack response URLs, GitHub tokens, Discord bot tokens and Discord
 * interaction or webhook URLs (their path holds a token), and Authorization header values.
 */
const SECRETS = new RegExp(
  [
    String.raw`\b(?:xox[a-z]-|xapp-)[\w-]+`,
    String.raw`https?:\/\/[^\s"']*(?:hooks\.slack\.com|\/respond|response_url)[^\s"']*`,
    String.raw`\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})`,
    String.raw`\b[MNO][\w-]{23,27}\.[\w-]{6}\.[\w-]{27,40}\b`,
    String.raw`\/(?:webhooks|interactions)\/\d{5,25}\/[\w-]{20,}`,
    String.raw`\b(?:Bearer|Bot|token)\s+[\w.-]{16,}`,
  ].join('|'),
  'gi',
);

export function scrubSecrets(text: string): string {
  return text.replace(SECRETS, '[redacted]');
}

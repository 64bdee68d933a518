// What can go wrong talking to GitHub, in words the rest of the bot can act on (never a raw SDK error).

export type GithubErrorKind =
  /** The issue, repository or user does not exist (or is not visible to us). */
  | 'not_found'
  /** GITHUB_TOKEN was refused. */
  | 'unauthorized'
  /** A rate limit we would have had to wait too long for. */
  | 'rate_limited'
  /** GitHub rejected the request itself (an invalid search, an inaccessible repository). */
  | 'invalid'
  /** Timeouts, network failures and 5xx after retries: try again later. */
  | 'unavailable';

export class GithubError extends Error {
  constructor(
    readonly kind: GithubErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'GithubError';
  }
}

export function isGithubError(e: unknown): e is GithubError {
  return e instanceof GithubError;
}

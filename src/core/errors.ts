// Errors meant for the person (translated, shown privately) kept apart from internal failures.

/** A problem the person can fix: rendered as the translated `key` with `params`, never logged as a fault. */
export class UserError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'UserError';
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}

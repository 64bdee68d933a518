// Whose an assigned or linked issue is on GitHub: the person's own (by their stored login), someone else's, or unknown.
import type { IssueCheck } from './ports.js';

export type Holder = 'theirs' | 'someone_else' | 'unknown';

/**
 * Only a login says whose it is: without one, an assignment may well be the person's own `/assign`.
 * An assignment to an automation account or a coding agent is nobody's `/assign`: it is someone else's.
 * A pull request linked by hand carries no author, so it says nothing either.
 */
export function holderOf(check: IssueCheck, login: string | null): Holder {
  if (check.state !== 'assigned' && check.state !== 'linked_pr') return 'unknown';
  const same = (other: string | null) => !!login && other?.toLowerCase() === login.toLowerCase();
  if (check.state === 'assigned' && check.automation?.length && !check.assignees.some(same)) return 'someone_else';
  if (!login) return 'unknown';
  if (check.state === 'assigned') return check.assignees.some(same) ? 'theirs' : 'someone_else';
  const authors = check.signals.filter((s) => s.kind === 'linked_pr' && s.login !== null).map((s) => s.login);
  if (authors.some(same)) return 'theirs';
  return authors.length > 0 ? 'someone_else' : 'unknown';
}

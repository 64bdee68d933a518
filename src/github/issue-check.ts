// The live check behind a claim: does the issue exist, is it an issue, open, unassigned, without a linked pull request?
import type { HttpCacheRepo } from '../store/http-cache.js';
import type { IssueId } from '../store/issues.js';
import { cachedGet } from './cached-get.js';
import type { GithubHttp } from './client.js';
import { isGithubError } from './errors.js';
import type { IssueCheck } from './ports.js';
import { hasLinkedPr, pullRequestsOf, signalsOf, toTimelineEntries, type TimelineEntry } from './timeline.js';

interface IssueFacts {
  title: string;
  state: string;
  isPull: boolean;
  assignees: string[];
  /** Assignees GitHub says are bots (type Bot: apps and coding agents). */
  bots: string[];
  labels: string[];
}

function toFacts(data: unknown): IssueFacts {
  const d = (data ?? {}) as Record<string, unknown>;
  const names = (list: unknown, field: string) =>
    Array.isArray(list)
      ? list.map((x) => (x as Record<string, unknown>)?.[field]).filter((v): v is string => typeof v === 'string')
      : [];
  return {
    title: typeof d.title === 'string' ? d.title.slice(0, 300) : '',
    state: typeof d.state === 'string' ? d.state : 'open',
    isPull: 'pull_request' in d && d.pull_request != null,
    assignees: names(d.assignees, 'login'),
    bots: names(
      Array.isArray(d.assignees) ? d.assignees.filter((a) => (a as Record<string, unknown>)?.type === 'Bot') : [],
      'login',
    ),
    labels: names(d.labels, 'name'),
  };
}

export interface CheckDeps {
  http: GithubHttp;
  cache: HttpCacheRepo;
  now: () => Date;
  /** Content's automation and agent accounts, whose assignment means the issue is taken by no person here. */
  isAutomation?: (login: string) => boolean;
}

/**
 * Timelines come oldest first, a hundred events a page, and busy issues have several pages: at most this many
 * are read (two for a chat reply), the first and then the newest backwards from rel="last", since the newest
 * events (an assignment, a pull request, the claimer's comment) are the ones that decide.
 */
const TIMELINE_PAGES = 5;
const INTERACTIVE_TIMELINE_PAGES = 2;

/** The page number of rel="last" in a Link header; 1 when there is none (a single page). */
export function lastPage(link: string | null): number {
  const url = link && /<([^>]+)>;\s*rel="last"/.exec(link)?.[1];
  if (!url) return 1;
  const page = Number(new URL(url, 'https://api.invalid').searchParams.get('page'));
  return Number.isInteger(page) && page > 1 ? page : 1;
}

export async function checkIssue(deps: CheckDeps, id: IssueId, interactive: boolean): Promise<IssueCheck> {
  const path = { owner: id.owner, repo: id.repo, issue_number: id.number };
  // A chat reply waits for GitHub once, for all its requests together.
  const signal = interactive ? deps.http.deadline() : undefined;
  try {
    const facts = (
      await cachedGet(deps.http, deps.cache, 'GET /repos/{owner}/{repo}/issues/{issue_number}', path, {
        keep: toFacts,
        interactive,
        ...(signal ? { signal } : {}),
        now: deps.now(),
      })
    ).value;
    const automation = facts.assignees.filter((a) => facts.bots.includes(a) || deps.isAutomation?.(a));
    const base = {
      title: facts.title,
      labels: facts.labels,
      assignees: facts.assignees,
      ...(automation.length > 0 ? { automation } : {}),
    };
    if (facts.isPull) return { state: 'pull_request', ...base, signals: [] };
    const timeline = (page: number) =>
      cachedGet(
        deps.http,
        deps.cache,
        'GET /repos/{owner}/{repo}/issues/{issue_number}/timeline',
        { ...path, per_page: 100, page },
        { keep: toTimelineEntries, interactive, ...(signal ? { signal } : {}), now: deps.now() },
      );
    // The first page says where the last one is; then backwards from the newest, within the budget.
    const first = await timeline(1);
    const entries: TimelineEntry[] = [...first.value];
    const budget = (interactive ? INTERACTIVE_TIMELINE_PAGES : TIMELINE_PAGES) - 1;
    const last = lastPage(first.link);
    for (let page = last; page > 1 && page > last - budget; page--) entries.push(...(await timeline(page)).value);
    const signals = signalsOf(entries);
    const prs = pullRequestsOf(entries);
    if (prs.length > 0) Object.assign(base, { pullRequests: prs });
    if (facts.state === 'closed') return { state: 'closed', ...base, signals };
    if (facts.assignees.length > 0) return { state: 'assigned', ...base, signals };
    if (hasLinkedPr(entries)) return { state: 'linked_pr', ...base, signals };
    return { state: 'free', ...base, signals };
  } catch (err) {
    if (isGithubError(err) && err.kind === 'not_found')
      return { state: 'not_found', title: null, labels: [], assignees: [], signals: [] };
    if (isGithubError(err)) return { state: 'unreachable', reason: err.message };
    throw err;
  }
}

/** How long a login's answer is reused: accounts rarely disappear; one just created should not wait long. */
const USER_EXISTS_MS = 24 * 3_600_000;
const USER_MISSING_MS = 3_600_000;

/** True or false when GitHub said (kept a day, or an hour for "no such user"); null when it could not be asked. */
export async function userExists(deps: CheckDeps, login: string): Promise<boolean | null> {
  // Kept beside the ETags, under a key of its own (no ETag: the answer is reused without asking).
  const key = `user-exists:${login.toLowerCase()}`;
  const kept = await deps.cache.get(key);
  if (kept) {
    const exists = (JSON.parse(kept.body) as { exists: boolean }).exists;
    if (deps.now().getTime() - kept.storedAt.getTime() < (exists ? USER_EXISTS_MS : USER_MISSING_MS)) return exists;
  }
  let exists: boolean;
  try {
    await deps.http.get('GET /users/{username}', { username: login }, { interactive: true });
    exists = true;
  } catch (err) {
    if (!isGithubError(err)) throw err;
    if (err.kind !== 'not_found') return null;
    exists = false;
  }
  await deps.cache.put(key, '', JSON.stringify({ exists }), deps.now());
  return exists;
}

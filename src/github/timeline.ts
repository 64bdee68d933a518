// Signs of progress on an issue, read from its timeline: who was assigned, who commented, which open pull request refers to it.

export interface ProgressSignal {
  kind: 'assigned' | 'commented' | 'linked_pr';
  /** Whose action it was (the assignee, the commenter, the pull request's author), when GitHub says. */
  login: string | null;
  at: string;
}

/** A pull request that refers to the issue, as its timeline's cross-reference shows it. */
export interface LinkedPr {
  number: number;
  url: string;
  author: string | null;
  state: 'open' | 'closed' | 'merged';
  /** When the cross-reference appeared: the pull request's opening, near enough. */
  at: string;
}

/** What is kept of a timeline page: only the events that can mean progress. */
export interface TimelineEntry extends ProgressSignal {
  /** `connected`/`disconnected` pair up (a pull request linked by hand, then unlinked). */
  link?: 1 | -1;
  /** For a cross-referencing pull request: which, and whether it is open, merged or closed. */
  pr?: LinkedPr;
}

function prOf(issue: Record<string, unknown>, at: string): LinkedPr | undefined {
  const pull = issue.pull_request as { html_url?: unknown; merged_at?: unknown } | undefined;
  if (typeof issue.number !== 'number') return undefined;
  const url =
    typeof pull?.html_url === 'string' ? pull.html_url : typeof issue.html_url === 'string' ? issue.html_url : '';
  const state = issue.state === 'open' ? 'open' : pull?.merged_at ? 'merged' : 'closed';
  return { number: issue.number, url, author: loginOf(issue.user), state, at };
}

const loginOf = (v: unknown): string | null => {
  const login = (v as { login?: unknown } | null | undefined)?.login;
  return typeof login === 'string' ? login : null;
};

export function toTimelineEntries(data: unknown): TimelineEntry[] {
  if (!Array.isArray(data)) return [];
  const out: TimelineEntry[] = [];
  for (const raw of data) {
    const e = raw as Record<string, unknown>;
    const at =
      typeof e.created_at === 'string' ? e.created_at : typeof e.submitted_at === 'string' ? e.submitted_at : null;
    if (!at) continue;
    if (e.event === 'assigned') out.push({ kind: 'assigned', login: loginOf(e.assignee), at });
    else if (e.event === 'commented') out.push({ kind: 'commented', login: loginOf(e.actor) ?? loginOf(e.user), at });
    else if (e.event === 'connected' || e.event === 'disconnected')
      out.push({ kind: 'linked_pr', login: null, at, link: e.event === 'connected' ? 1 : -1 });
    else if (e.event === 'cross-referenced') {
      const issue = (e.source as { issue?: Record<string, unknown> } | undefined)?.issue;
      if (issue && 'pull_request' in issue) {
        const pr = prOf(issue, at);
        // Only an open pull request can still be the work on this issue; a merged or closed one is kept for the journey.
        if (issue.state === 'open')
          out.push({ kind: 'linked_pr', login: loginOf(issue.user), at, ...(pr ? { pr } : {}) });
        else if (pr) out.push({ kind: 'commented', login: pr.author, at, pr });
      }
    }
  }
  return out;
}

/** A pull request is linked when an open one refers to the issue, or a manual link was never undone. */
export function hasLinkedPr(entries: TimelineEntry[]): boolean {
  const manual = entries.reduce((n, e) => n + (e.link ?? 0), 0);
  return manual > 0 || entries.some((e) => e.kind === 'linked_pr' && e.link === undefined);
}

export function signalsOf(entries: TimelineEntry[]): ProgressSignal[] {
  return entries.map(({ kind, login, at }) => ({ kind, login, at }));
}

/** Pull requests that refer to the issue, the latest state of each (a number seen twice keeps its last). */
export function pullRequestsOf(entries: TimelineEntry[]): LinkedPr[] {
  const byNumber = new Map<number, LinkedPr>();
  for (const e of entries)
    if (e.pr) byNumber.set(e.pr.number, { ...e.pr, at: byNumber.get(e.pr.number)?.at ?? e.pr.at });
  return [...byNumber.values()];
}

// Signs of progress on an issue, read from its timeline: who was assigned, who commented, which open pull request refers to it.

export interface ProgressSignal {
  kind: 'assigned' | 'commented' | 'linked_pr';
  /** Whose action it was (the assignee, the commenter, the pull request's author), when GitHub says. */
  login: string | null;
  at: string;
}

/** What is kept of a timeline page: only the events that can mean progress. */
export interface TimelineEntry extends ProgressSignal {
  /** `connected`/`disconnected` pair up (a pull request linked by hand, then unlinked). */
  link?: 1 | -1;
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
    const at = typeof e.created_at === 'string' ? e.created_at : typeof e.submitted_at === 'string' ? e.submitted_at : null;
    if (!at) continue;
    if (e.event === 'assigned') out.push({ kind: 'assigned', login: loginOf(e.assignee), at });
    else if (e.event === 'commented') out.push({ kind: 'commented', login: loginOf(e.actor) ?? loginOf(e.user), at });
    else if (e.event === 'connected' || e.event === 'disconnected') out.push({ kind: 'linked_pr', login: null, at, link: e.event === 'connected' ? 1 : -1 });
    else if (e.event === 'cross-referenced') {
      const issue = (e.source as { issue?: Record<string, unknown> } | undefined)?.issue;
      // Only an open pull request can still be the work on this issue.
      if (issue && 'pull_request' in issue && issue.state === 'open') out.push({ kind: 'linked_pr', login: loginOf(issue.user), at });
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

// A small fake GitHub REST API on 127.0.0.1: issue search, issues, timelines, repositories and users, with ETags and injected failures.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeIssue {
  owner: string;
  repo: string;
  number: number;
  title: string;
  labels: string[];
  state: 'open' | 'closed';
  assignees: string[];
  /** A pull request that will close it (what `-linked:pr` excludes). */
  linkedPr: boolean;
  isPull: boolean;
  createdAt: string;
  updatedAt: string;
  timeline: Record<string, unknown>[];
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  ifNoneMatch: string | null;
  authorization: string | null;
  status: number;
}

export interface CannedResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Waits this long before answering (longer than the client's timeout = a timeout). */
  delayMs?: number;
}

type Match = (req: { method: string; path: string; query: URLSearchParams }) => boolean;

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}), ...headers });
  res.end(text);
};

/** The subset of GitHub's search syntax the bot uses, evaluated the way GitHub would. */
function matches(issue: FakeIssue, q: string): boolean {
  const terms = q.match(/-?[\w-]+:(?:"[^"]*"|\S+)/g) ?? [];
  const owners: string[] = [];
  for (const term of terms) {
    const negate = term.startsWith('-');
    const [name, raw] = [term.slice(negate ? 1 : 0, term.indexOf(':')), term.slice(term.indexOf(':') + 1)];
    const value = raw.replace(/^"|"$/g, '').toLowerCase();
    let ok = true;
    if (name === 'is' && value === 'issue') ok = !issue.isPull;
    else if (name === 'is' && value === 'open') ok = issue.state === 'open';
    else if (name === 'no' && value === 'assignee') ok = issue.assignees.length === 0;
    else if (name === 'linked' && value === 'pr') ok = issue.linkedPr;
    else if (name === 'archived') ok = value === 'false';
    else if (name === 'label') ok = issue.labels.some((l) => l.toLowerCase() === value);
    else if (name === 'org' || name === 'repo') {
      owners.push(
        name === 'org'
          ? issue.owner.toLowerCase() === value
            ? 'y'
            : 'n'
          : `${issue.owner}/${issue.repo}`.toLowerCase() === value
            ? 'y'
            : 'n',
      );
      continue;
    } else if (name === 'created') {
      // created:>=TIMESTAMP, or created:FROM..TO by day
      const ge = /^>=(.+)$/.exec(raw);
      if (ge) ok = Date.parse(issue.createdAt) >= Date.parse(ge[1]!);
      else {
        const day = issue.createdAt.slice(0, 10);
        const [from, to] = value.split('..');
        ok = (!from || from === '*' || day >= from) && (!to || to === '*' || day <= to);
      }
    }
    if (negate ? ok : !ok) return false;
  }
  // Several org: and repo: qualifiers are alternatives, as on GitHub.
  return owners.length === 0 || owners.includes('y');
}

export async function startFakeGithub() {
  const issues: FakeIssue[] = [];
  const repos = new Map<string, { language: string | null }>();
  const users = new Set<string>();
  /** Reviews per pull request number. */
  const reviews = new Map<number, number>();
  const requests: RecordedRequest[] = [];
  const canned: { match: Match; responses: CannedResponse[] }[] = [];
  const options = { incompleteSearches: 0 };

  const withEtag = (req: IncomingMessage, res: ServerResponse, body: unknown, extra: Record<string, string> = {}) => {
    const etag = `W/"${createHash('sha1').update(JSON.stringify(body)).digest('hex').slice(0, 20)}"`;
    if (req.headers['if-none-match'] === etag) return (json(res, 304, undefined, { etag, ...extra }), 304);
    return (json(res, 200, body, { etag, ...extra }), 200);
  };
  const find = (owner: string, repo: string, number: number) =>
    issues.find(
      (i) =>
        i.owner.toLowerCase() === owner.toLowerCase() &&
        i.repo.toLowerCase() === repo.toLowerCase() &&
        i.number === number,
    );
  const apiIssue = (base: string, i: FakeIssue) => ({
    number: i.number,
    title: i.title,
    state: i.state,
    html_url: `https://github.com/${i.owner}/${i.repo}/${i.isPull ? 'pull' : 'issues'}/${i.number}`,
    repository_url: `${base}/repos/${i.owner}/${i.repo}`,
    labels: i.labels.map((name) => ({ name, color: 'ededed' })),
    assignees: i.assignees.map((login) => ({ login })),
    assignee: i.assignees[0] ? { login: i.assignees[0] } : null,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    user: { login: 'reporter' },
    ...(i.isPull ? { pull_request: { url: `${base}/repos/${i.owner}/${i.repo}/pulls/${i.number}` } } : {}),
  });

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      ifNoneMatch: (req.headers['if-none-match'] as string | undefined) ?? null,
      authorization: (req.headers.authorization as string | undefined) ?? null,
      status: 0,
    };
    requests.push(record);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const rule = canned.find(
      (c) => c.responses.length > 0 && c.match({ method: record.method, path: record.path, query: record.query }),
    );
    if (rule) {
      const r = rule.responses.shift()!;
      if (r.delayMs) await new Promise((resolve) => setTimeout(resolve, r.delayMs));
      if (res.destroyed) return;
      record.status = r.status;
      return json(res, r.status, r.body, r.headers);
    }
    let m: RegExpExecArray | null;
    if (url.pathname === '/search/issues') {
      const q = url.searchParams.get('q') ?? '';
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      if (page * perPage > 1000 && (page - 1) * perPage >= 1000) {
        record.status = 422;
        return json(res, 422, { message: 'Only the first 1000 search results are available' });
      }
      const found = issues
        .filter((i) => matches(i, q))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.number - b.number);
      const incomplete = options.incompleteSearches > 0;
      if (incomplete) options.incompleteSearches -= 1;
      const items = found
        .slice((page - 1) * perPage, page * perPage)
        .slice(0, incomplete ? Math.max(0, perPage / 2) : perPage);
      record.status = withEtag(req, res, {
        total_count: found.length,
        incomplete_results: incomplete,
        items: items.map((i) => ({ ...apiIssue(base, i), score: 1 })),
      });
      return;
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/timeline$/.exec(url.pathname))) {
      const issue = find(m[1]!, m[2]!, Number(m[3]));
      if (!issue) return ((record.status = 404), json(res, 404, { message: 'Not Found' }));
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      const pages = Math.max(1, Math.ceil(issue.timeline.length / perPage));
      // As GitHub does: next and last while there are more pages, prev and first after the first one.
      const at = (n: number, rel: string) => `<${base}${url.pathname}?per_page=${perPage}&page=${n}>; rel="${rel}"`;
      const rels = [
        ...(page < pages ? [at(page + 1, 'next'), at(pages, 'last')] : []),
        ...(page > 1 ? [at(page - 1, 'prev'), at(1, 'first')] : []),
      ];
      const link: Record<string, string> = rels.length > 0 ? { link: rels.join(', ') } : {};
      record.status = withEtag(req, res, issue.timeline.slice((page - 1) * perPage, page * perPage), link);
      return;
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/reviews$/.exec(url.pathname))) {
      record.status = withEtag(
        req,
        res,
        Array.from({ length: reviews.get(Number(m[3])) ?? 0 }, (_, i) => ({ id: i + 1, state: 'COMMENTED' })),
      );
      return;
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)$/.exec(url.pathname))) {
      const issue = find(m[1]!, m[2]!, Number(m[3]));
      if (!issue) return ((record.status = 404), json(res, 404, { message: 'Not Found' }));
      record.status = withEtag(req, res, apiIssue(base, issue));
      return;
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)$/.exec(url.pathname))) {
      const repo = repos.get(`${m[1]}/${m[2]}`.toLowerCase());
      if (!repo) return ((record.status = 404), json(res, 404, { message: 'Not Found' }));
      record.status = withEtag(req, res, { full_name: `${m[1]}/${m[2]}`, language: repo.language, archived: false });
      return;
    }
    if ((m = /^\/users\/([^/]+)$/.exec(url.pathname))) {
      if (!users.has(m[1]!.toLowerCase())) return ((record.status = 404), json(res, 404, { message: 'Not Found' }));
      record.status = 200;
      return json(res, 200, { login: m[1], type: 'User' });
    }
    record.status = 404;
    json(res, 404, { message: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let created = 0;

  return {
    url,
    issues,
    requests,
    options,
    /** Adds a free, open issue (override anything); returns it so a test can change it later. */
    addIssue(repoName: string, number: number, extra: Partial<FakeIssue> = {}): FakeIssue {
      const [owner, repo] = repoName.split('/') as [string, string];
      const day = new Date(Date.UTC(2025, 0, 1) + created++ * 3_600_000).toISOString();
      const issue: FakeIssue = {
        owner,
        repo,
        number,
        title: `Fix ${repoName}#${number}`,
        labels: ['good first issue'],
        state: 'open',
        assignees: [],
        linkedPr: false,
        isPull: false,
        createdAt: day,
        updatedAt: day,
        timeline: [],
        ...extra,
      };
      issues.push(issue);
      return issue;
    },
    /** What GitHub does when someone is assigned: the assignee list and an `assigned` timeline event. */
    assign(issue: FakeIssue, login: string, at = new Date().toISOString()) {
      issue.assignees.push(login);
      issue.timeline.push({ event: 'assigned', created_at: at, assignee: { login }, actor: { login } });
    },
    comment(issue: FakeIssue, login: string, at = new Date().toISOString()) {
      issue.timeline.push({
        event: 'commented',
        created_at: at,
        actor: { login },
        user: { login },
        body: 'I would like to help',
      });
    },
    /** An open pull request that will close the issue: excluded by `-linked:pr`, seen in the timeline. */
    linkPr(issue: FakeIssue, author: string, at = new Date().toISOString()) {
      issue.linkedPr = true;
      const html = `https://github.com/${issue.owner}/${issue.repo}/pull/${9000 + issue.number}`;
      issue.timeline.push({
        event: 'cross-referenced',
        created_at: at,
        source: {
          type: 'issue',
          issue: {
            number: 9000 + issue.number,
            state: 'open',
            user: { login: author },
            html_url: html,
            pull_request: { url: 'x', html_url: html, merged_at: null },
          },
        },
      });
    },
    /** The linked pull request (number 9000 + the issue's) merged with a closing keyword: the issue closes too. */
    mergePr(issue: FakeIssue, at = new Date().toISOString()) {
      for (const e of issue.timeline) {
        const pr = (e.source as { issue?: Record<string, unknown> } | undefined)?.issue;
        if (pr?.number === 9000 + issue.number)
          Object.assign(pr, { state: 'closed', pull_request: { ...(pr.pull_request as object), merged_at: at } });
      }
      issue.state = 'closed';
      issue.timeline.push({ event: 'closed', created_at: at, actor: { login: 'merge-bot' } });
    },
    /** The linked pull request closed without merging; the issue stays open. */
    closePr(issue: FakeIssue, at = new Date().toISOString()) {
      for (const e of issue.timeline) {
        const pr = (e.source as { issue?: Record<string, unknown> } | undefined)?.issue;
        if (pr?.number === 9000 + issue.number) pr.state = 'closed';
      }
      issue.linkedPr = false;
      issue.timeline.push({ event: 'referenced', created_at: at });
    },
    /** Someone reviews pull request `number`. */
    review(number: number) {
      reviews.set(number, (reviews.get(number) ?? 0) + 1);
    },
    setRepo(repoName: string, language: string | null) {
      repos.set(repoName.toLowerCase(), { language });
    },
    addUser(login: string) {
      users.add(login.toLowerCase());
    },
    /** The next requests matching `match` get these answers, in order, instead of the real ones. */
    respond(match: Match, ...responses: CannedResponse[]) {
      canned.push({ match, responses });
    },
    searches: () => requests.filter((r) => r.path === '/search/issues'),
    reset() {
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FakeGithub = Awaited<ReturnType<typeof startFakeGithub>>;
export const isSearch: Match = (r) => r.path === '/search/issues';

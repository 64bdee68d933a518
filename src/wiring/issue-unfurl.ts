// What a GitHub issue link pasted in chat unfurls to: the issue's status as onramp knows it, its group, a claim button.
import { buttons, text } from '../core/blocks.js';
import { escapeMarkup } from '../core/markup.js';
import { clip } from '../core/plain.js';
import type { Locale, Reply } from '../core/types.js';
import { createSigMap } from '../github/sig-map.js';
import { CLAIM_BUTTON, refOf, type IssueId } from '../views/issue-ref.js';
import { ago } from '../views/issue-view.js';
import type { Deps } from './deps.js';

/** Issue numbers beyond this are no issue (and would not fit where claims are stored). */
const MAX_NUMBER = 999_999_999;
const NAME = /^[A-Za-z0-9_.-]{1,100}$/;

/**
 * Reads a link strictly as `https://<GitHub host>/<owner>/<repo>/issues/<n>` (a trailing slash, query or
 * fragment allowed): chat links are hostile, so nothing else is an issue, and the link is never fetched.
 */
export function parseIssueUrl(raw: string, hosts: readonly string[]): IssueId | null {
  if (raw.length > 500) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  if (
    url.protocol !== 'https:' ||
    url.username ||
    url.password ||
    url.port ||
    !hosts.some((h) => h.toLowerCase() === host)
  )
    return null;
  const m = /^\/([^/]+)\/([^/]+)\/issues\/(\d{1,9})\/?$/.exec(url.pathname);
  if (!m || !NAME.test(m[1]!) || !NAME.test(m[2]!) || m[2] === '.' || m[2] === '..') return null;
  const number = Number(m[3]);
  return number >= 1 && number <= MAX_NUMBER ? { owner: m[1]!, repo: m[2]!, number } : null;
}

export type UnfurlStatus =
  | { state: 'free' }
  | { state: 'claimed'; since: Date }
  | { state: 'assigned'; assignees: string[] }
  | { state: 'pull_request' }
  | { state: 'closed' };

export interface IssueUnfurler {
  /** Null when the link is not an issue of this community, or its status cannot be told now. */
  unfurl(url: string, viewer: { platform: string; workspaceId: string; userId: string }): Promise<Reply | null>;
}

interface Known {
  status: UnfurlStatus;
  title: string;
  sigIds: readonly string[];
}

/** The claims here first (they are onramp's own word), then the index of free issues, then one live look. */
async function lookup(deps: Deps, id: IssueId, person: string): Promise<Known | null> {
  const claim = await deps.store.claims.openOn(id);
  if (claim)
    return {
      status: { state: 'claimed', since: claim.createdAt },
      title: claim.title,
      sigIds: claim.sigId ? [claim.sigId] : [],
    };
  const indexed = await deps.issues.get(id);
  if (indexed) return { status: { state: 'free' }, title: indexed.title, sigIds: indexed.sigIds };
  // Every pasted link could cost a GitHub request: the same per-person allowance as chat's live checks.
  if (deps.github.liveCheck(person, deps.now()) > 0) return null;
  const check = await deps.github.checkIssue(id, { interactive: true });
  if (check.state === 'unreachable' || check.state === 'not_found' || check.state === 'pull_request') return null;
  const status: UnfurlStatus | null =
    check.state === 'free'
      ? { state: 'free' }
      : check.state === 'assigned'
        ? { state: 'assigned', assignees: check.assignees }
        : check.state === 'linked_pr'
          ? { state: 'pull_request' }
          : check.state === 'closed'
            ? { state: 'closed' }
            : null;
  if (!status) return null;
  const sigIds = createSigMap(deps.content).sigsOf({ owner: id.owner, repo: id.repo, labels: check.labels });
  return { status, title: check.title ?? refOf(id), sigIds };
}

export function createIssueUnfurler(deps: Deps, locale: Locale = deps.config.DEFAULT_LOCALE): IssueUnfurler {
  const inCommunity = (id: IssueId) => {
    const { orgs, repos } = deps.content.community.github;
    const owner = id.owner.toLowerCase();
    return (
      orgs.some((o) => o.toLowerCase() === owner) ||
      repos.some((r) => r.toLowerCase() === `${owner}/${id.repo.toLowerCase()}`)
    );
  };
  return {
    async unfurl(url, viewer) {
      const id = parseIssueUrl(url, deps.github.issueHosts);
      if (!id || !inCommunity(id)) return null;
      const known = await lookup(deps, id, `${viewer.platform}:${viewer.workspaceId}:${viewer.userId}`);
      if (!known) return null;
      // A channel has many readers: the community's language.
      const t = deps.translator.bind(locale, { platform: viewer.platform });
      const s = known.status;
      const status =
        s.state === 'claimed'
          ? t('unfurl.claimed', { age: ago(s.since, { now: deps.now, locale }) })
          : s.state === 'assigned'
            ? t('unfurl.assigned', { logins: s.assignees.map((a) => `\`${escapeMarkup(a)}\``).join(', ') || '?' })
            : t(`unfurl.${s.state}`);
      const groups = known.sigIds
        .map((sid) => deps.content.sigById.get(sid)?.name)
        .filter((n): n is string => Boolean(n));
      const lines = [
        `**${escapeMarkup(clip(known.title.replace(/\s+/g, ' ').trim(), 150))}** (\`${escapeMarkup(refOf(id))}\`)`,
        status,
      ];
      if (groups.length > 0) lines.push(t('unfurl.group', { name: escapeMarkup(groups.slice(0, 3).join(', ')) }));
      const blocks = [text(lines.join('\n'))];
      // The normal claim flow, from the same button the digest and /issues show.
      if (s.state === 'free')
        blocks.push(
          buttons([{ id: CLAIM_BUTTON, label: t('digest.claim_button'), value: refOf(id), style: 'primary' }]),
        );
      return { blocks, locale };
    },
  };
}

// Finds issue and pull-request references in chat text: #123, owner/repo#123 and GitHub URLs.
import type { IssueRef } from './types.js';

/** More than this many references in one message is noise; the first ones are kept. */
const MAX_REFS = 10;
const NAME = '[A-Za-z0-9](?:[A-Za-z0-9._-]{0,99})';
const NUMBER = '([1-9][0-9]{0,9})';
/** The largest number stored for an issue (a 32-bit integer column); GitHub's own numbers are far below it. */
export const MAX_ISSUE_NUMBER = 2 ** 31 - 1;
const URL_RE = /\bhttps?:\/\/[^\s<>|"')\]]+/gi;
const SHORT_RE = new RegExp(`(?:^|[\\s(\\[,;:])(?:(${NAME})/(${NAME}))?#${NUMBER}\\b`, 'g');

export interface RefOptions {
  /** Hosts whose URLs are GitHub issue links (github.com, and a GitHub Enterprise host if configured). */
  hosts?: string[];
}

export interface FoundRefs {
  issues: IssueRef[];
  /** Links that are not issue references; reported, never fetched. */
  otherUrls: string[];
}

function fromUrl(raw: string, hosts: Set<string>): IssueRef | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!hosts.has(url.hostname.toLowerCase())) return null;
  const m = new RegExp(`^/(${NAME})/(${NAME})/(issues|pull|pulls)/${NUMBER}(?:/.*)?$`).exec(url.pathname);
  if (!m || Number(m[4]) > MAX_ISSUE_NUMBER) return null;
  return { owner: m[1]!, repo: m[2]!, number: Number(m[4]), kind: m[3] === 'issues' ? 'issue' : 'pull', raw };
}

export function extractIssueRefs(text: string, options: RefOptions = {}): FoundRefs {
  const hosts = new Set((options.hosts ?? ['github.com']).flatMap((h) => [h.toLowerCase(), `www.${h.toLowerCase()}`]));
  const issues: IssueRef[] = [];
  const otherUrls: string[] = [];
  const seen = new Set<string>();
  const add = (ref: IssueRef) => {
    const key = `${ref.owner ?? ''}/${ref.repo ?? ''}#${ref.number}`.toLowerCase();
    if (seen.has(key) || issues.length >= MAX_REFS) return;
    seen.add(key);
    issues.push(ref);
  };
  // Slack wraps links as <url|label>; the URL pattern stops at `|` and `>`.
  for (const match of text.matchAll(URL_RE)) {
    const raw = match[0].replace(/[.,;:!?]+$/, '');
    const ref = fromUrl(raw, hosts);
    if (ref) add(ref);
    else if (otherUrls.length < MAX_REFS) otherUrls.push(raw);
  }
  const withoutUrls = text.replace(URL_RE, ' ');
  for (const m of withoutUrls.matchAll(SHORT_RE)) {
    if (Number(m[3]) > MAX_ISSUE_NUMBER) continue; // no issue has it, and it would not fit where claims are stored
    add({
      ...(m[1] && m[2] ? { owner: m[1], repo: m[2] } : {}),
      number: Number(m[3]),
      kind: 'unknown',
      raw: m[0].trim(),
    });
  }
  return { issues, otherUrls };
}

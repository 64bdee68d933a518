// What the index keeps from a search page: a few fields per issue, validated, never the raw payload.

export interface SearchItem {
  owner: string;
  repo: string;
  number: number;
  title: string;
  labels: string[];
  createdAt: string;
  updatedAt: string;
}

export interface SearchPage {
  total: number;
  incomplete: boolean;
  items: SearchItem[];
}

const NAME = /^[A-Za-z0-9_.-]{1,100}$/;

/** `owner/repo` from an issue's `repository_url` (…/repos/{owner}/{repo}). */
export function repoFromUrl(url: unknown): { owner: string; repo: string } | null {
  if (typeof url !== 'string') return null;
  const m = /\/repos\/([^/]+)\/([^/]+)\/?$/.exec(url);
  return m && NAME.test(m[1]!) && NAME.test(m[2]!) ? { owner: m[1]!, repo: m[2]! } : null;
}

export function toSearchItem(raw: unknown): SearchItem | null {
  const r = raw as Record<string, unknown>;
  if (!r || typeof r !== 'object' || 'pull_request' in r) return null;
  const repo = repoFromUrl(r.repository_url);
  if (!repo || !Number.isInteger(r.number) || typeof r.title !== 'string') return null;
  const labels = Array.isArray(r.labels)
    ? r.labels
        .map((l) => (typeof l === 'string' ? l : (l as { name?: unknown })?.name))
        .filter((n): n is string => typeof n === 'string')
    : [];
  return {
    ...repo,
    number: r.number as number,
    title: r.title.slice(0, 300),
    labels: labels.slice(0, 30),
    createdAt: typeof r.created_at === 'string' ? r.created_at : new Date(0).toISOString(),
    updatedAt: typeof r.updated_at === 'string' ? r.updated_at : new Date(0).toISOString(),
  };
}

export function toSearchPage(data: unknown): SearchPage {
  const d = (data ?? {}) as { total_count?: unknown; incomplete_results?: unknown; items?: unknown };
  const items = Array.isArray(d.items) ? d.items.map(toSearchItem).filter((i): i is SearchItem => i !== null) : [];
  return {
    total: typeof d.total_count === 'number' ? d.total_count : items.length,
    incomplete: d.incomplete_results === true,
    items,
  };
}

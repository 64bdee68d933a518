// Which SIGs an issue belongs to: its sig/* (or other catalogue) labels, else the SIG owning its repository.
import type { Content } from '../content/types.js';
import type { FoundIssue } from '../store/issues.js';
import { repoKey } from '../store/issues.js';
import type { SearchItem } from './search-items.js';

/** A repository listed by more groups than this (kubernetes/kubernetes) has no single owner to name. */
const MAX_OWNERS = 2;

export interface SigMap {
  sigsOf(item: { owner: string; repo: string; labels: string[] }): string[];
}

export function createSigMap(content: Content): SigMap {
  const byLabel = new Map<string, string>();
  const byRepo = new Map<string, Set<string>>();
  for (const sig of content.sigs) {
    for (const label of sig.labels) byLabel.set(label.toLowerCase(), sig.id);
    // Labels follow the kind: sig/network, wg/device-management, committee/steering.
    byLabel.set(sig.id.replace(/^(sig|wg|committee|ug)-/, '$1/'), sig.id);
    for (const sub of sig.subprojects)
      for (const r of sub.repos) byRepo.set(r.toLowerCase(), (byRepo.get(r.toLowerCase()) ?? new Set()).add(sig.id));
  }
  return {
    sigsOf(item) {
      const labelled = [
        ...new Set(item.labels.map((l) => byLabel.get(l.toLowerCase())).filter((s): s is string => !!s)),
      ];
      if (labelled.length > 0) return labelled;
      const owners = byRepo.get(repoKey(item.owner, item.repo));
      return owners && owners.size <= MAX_OWNERS ? [...owners].sort() : [];
    },
  };
}

/** The web address of an issue, built by us (never taken from a payload) on the configured GitHub. */
export function issueUrl(webBase: string, i: { owner: string; repo: string; number: number }): string {
  return `${webBase}/${encodeURIComponent(i.owner)}/${encodeURIComponent(i.repo)}/issues/${i.number}`;
}

export function toFoundIssue(item: SearchItem, sigs: SigMap, webBase: string): FoundIssue {
  return { ...item, url: issueUrl(webBase, item), sigIds: sigs.sigsOf(item) };
}

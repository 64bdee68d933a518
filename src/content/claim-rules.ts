// Resolves how an issue is claimed in its repository: the default, then its organisation's rule, then its repository's.
import type { Community } from './schema.js';

export type ClaimStep = 'command' | 'comment' | 'draft-pr';

export interface ClaimRule {
  step: ClaimStep;
  command?: string;
  release?: string;
  maxOpen?: number;
  /** Only members take issues, except those carrying one of these labels. */
  membersOnlyExcept?: string[];
  aiPolicy?: string;
}

/**
 * The most specific entry wins, field by field: a repository's rule over its organisation's, both over
 * the default, so an organisation can set a policy once and one repository change only its step.
 */
export function claimRuleFor(community: Pick<Community, 'github'>, issue: { owner: string; repo: string }): ClaimRule {
  const { claim } = community.github;
  const repo = `${issue.owner}/${issue.repo}`.toLowerCase();
  const owner = issue.owner.toLowerCase();
  const matching = (scope: (s: string) => boolean) =>
    claim.rules.filter((r) => r.for.some((f) => scope(f.toLowerCase())));
  const layers = [...matching((f) => f === owner), ...matching((f) => f === repo)];
  let rule: ClaimRule = { ...claim.default };
  for (const { for: _scope, ...layer } of layers) {
    const defined = Object.fromEntries(Object.entries(layer).filter(([, v]) => v !== undefined));
    // A rule that changes the step starts its command afresh: a comment step has no `/assign` to inherit.
    if (layer.step && layer.step !== rule.step) rule = { ...rule, command: undefined, release: undefined } as ClaimRule;
    rule = { ...rule, ...defined } as ClaimRule;
  }
  return rule;
}

/** The open claims a person may hold in this repository. */
export function maxOpenClaims(rule: ClaimRule, fallback: number): number {
  return rule.maxOpen ?? fallback;
}

/** False when only members take this issue (the rule restricts it and it carries none of the open labels). */
export function openToNewcomers(rule: ClaimRule, labels: readonly string[]): boolean {
  if (!rule.membersOnlyExcept) return true;
  const open = new Set(rule.membersOnlyExcept.map((l) => l.toLowerCase()));
  return labels.some((l) => open.has(l.toLowerCase()));
}

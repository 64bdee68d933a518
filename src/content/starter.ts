// What makes an issue a starter issue in this community: any starter label, every required label, no excluded one.
import type { Community } from './schema.js';

type Rules = Pick<Community['github'], 'labels' | 'requireLabels' | 'excludeLabels'>;

export function isStarterIssue(rules: Rules, labels: readonly string[]): boolean {
  const has = new Set(labels.map((l) => l.toLowerCase()));
  const any = (list: readonly string[]) => list.some((l) => has.has(l.toLowerCase()));
  return any(rules.labels) && rules.requireLabels.every((l) => has.has(l.toLowerCase())) && !any(rules.excludeLabels);
}

/** Accounts whose assignment means automation or a coding agent holds the issue (GitHub's type Bot aside). */
export function isAutomationAccount(rules: Pick<Community['github'], 'automationAccounts'>, login: string): boolean {
  const l = login.toLowerCase();
  return l.endsWith('[bot]') || rules.automationAccounts.some((a) => a.toLowerCase() === l);
}

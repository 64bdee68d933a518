// An issue's one identity, and how it is named and linked wherever the bot shows one: chat replies, reminders and digests.
import { escapeMarkup, safeUrl } from '../core/markup.js';

export interface IssueId {
  owner: string;
  repo: string;
  number: number;
}
type IssueRef = IssueId;

/**
 * The identity to store, index and compare by: case-insensitive, as GitHub treats names. `refOf` is how
 * the same issue is written for people (as GitHub spells it); never compare two issues by `refOf`.
 */
export const issueKey = (i: IssueId) => `${i.owner}/${i.repo}#${i.number}`.toLowerCase();

export const sameIssue = (a: IssueId, b: IssueId) => issueKey(a) === issueKey(b);

/** The claim capability's button id; its value is the reference, as "I want to work on owner/repo#1" would say. */
export const CLAIM_BUTTON = 'claim';

/** How people read the reference: as written on GitHub. */
export const refOf = (i: IssueRef) => `${i.owner}/${i.repo}#${i.number}`;

/** A link to the issue in markup; the label is escaped and only http(s) addresses become links. */
export function linkMarkup(i: IssueRef & { url: string }): string {
  const url = safeUrl(i.url);
  return url && !/[()\s]/.test(url) ? `[${escapeMarkup(refOf(i))}](${url})` : `\`${escapeMarkup(refOf(i))}\``;
}

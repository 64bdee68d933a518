// How an issue is named and linked wherever the bot shows one: chat replies, reminders and digests.
import { escapeMarkup, safeUrl } from '../core/markup.js';

type IssueRef = { owner: string; repo: string; number: number };

/** The claim capability's button id; its value is the reference, as "I want to work on owner/repo#1" would say. */
export const CLAIM_BUTTON = 'claim';

export const refOf = (i: IssueRef) => `${i.owner}/${i.repo}#${i.number}`;

/** A link to the issue in markup; the label is escaped and only http(s) addresses become links. */
export function linkMarkup(i: IssueRef & { url: string }): string {
  const url = safeUrl(i.url);
  return url && !/[()\s]/.test(url) ? `[${escapeMarkup(refOf(i))}](${url})` : `\`${escapeMarkup(refOf(i))}\``;
}

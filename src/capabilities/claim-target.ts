// Works out which issue a claim is about: a reference, a GitHub link, a button, or "#123" from the last listing.
import type { ClaimCtx as Ctx } from './claim.js';
import { UserError } from '../core/errors.js';
import { extractIssueRefs, MAX_ISSUE_NUMBER } from '../nlu/issue-refs.js';
import type { IssueId } from './ports.js';
import { LISTING_MEMORY_MS } from './shared/issue-picks.js';

/** A number the reference reader drops as too large ("#9999999999", ".../issues/9999999999"). */
const HUGE_NUMBER = /(?:#|\/issues\/)(\d{10,})/;

export function inCommunity(ctx: Ctx, id: IssueId): boolean {
  const { orgs, repos } = ctx.content.community.github;
  const owner = id.owner.toLowerCase();
  const full = `${owner}/${id.repo.toLowerCase()}`;
  return orgs.some((o) => o.toLowerCase() === owner) || repos.some((r) => r.toLowerCase() === full);
}

/** Every problem is a UserError with a clear message; what comes back is an issue of this community. */
export async function resolveTarget(ctx: Ctx, said: string): Promise<IssueId> {
  // Links are parsed, never opened: only the configured GitHub API is ever asked about them.
  const found = extractIssueRefs(said, { hosts: ctx.github.issueHosts });
  const ref = found.issues[0];
  if (!ref) {
    const huge = HUGE_NUMBER.exec(said)?.[1];
    if (huge && Number(huge) > MAX_ISSUE_NUMBER) throw new UserError('claim.bad_number', { number: huge.slice(0, 20) });
    throw new UserError(found.otherUrls.length > 0 ? 'claim.not_github' : 'claim.which_issue');
  }
  if (ref.kind === 'pull') throw new UserError('claim.pull_request', { ref: `${ref.owner}/${ref.repo}#${ref.number}` });
  let id: IssueId | undefined =
    ref.owner && ref.repo ? { owner: ref.owner, repo: ref.repo, number: ref.number } : undefined;
  if (!id) {
    const listing = await ctx.listings.last(ctx.user);
    const fresh = listing && ctx.now().getTime() - listing.at.getTime() < LISTING_MEMORY_MS;
    id = fresh ? listing.issues.find((i) => i.number === ref.number) : undefined;
    if (!id) throw new UserError('claim.which_repo', { number: ref.number });
  }
  if (!inCommunity(ctx, id)) {
    const { orgs, repos } = ctx.content.community.github;
    throw new UserError('claim.outside', {
      repo: `${id.owner}/${id.repo}`,
      community: ctx.content.community.name,
      scopes: [...orgs, ...repos].join(', '),
    });
  }
  return id;
}

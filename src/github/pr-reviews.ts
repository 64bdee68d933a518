// Whether a pull request got a first review yet: one cached request (its reviews), asked only before a nudge.
import type { HttpCacheRepo } from '../store/http-cache.js';
import { cachedGet } from './cached-get.js';
import type { GithubHttp } from './client.js';
import { isGithubError } from './errors.js';

export async function prReviewed(
  deps: { http: GithubHttp; cache: HttpCacheRepo; now: () => Date },
  pr: { owner: string; repo: string; number: number },
): Promise<boolean | null> {
  try {
    const got = await cachedGet(
      deps.http,
      deps.cache,
      'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
      { owner: pr.owner, repo: pr.repo, pull_number: pr.number, per_page: 1 },
      {
        keep: (data) => Array.isArray(data) && data.length > 0,
        now: deps.now(),
      },
    );
    return got.value;
  } catch (err) {
    if (isGithubError(err)) return null;
    throw err;
  }
}

// Conditional GETs: send the stored ETag, reuse the stored body on 304, keep only what the caller needs.
import type { HttpCacheRepo } from '../store/http-cache.js';
import type { GetOptions, GithubHttp } from './client.js';

export interface CachedGetResult<T> {
  value: T;
  /** True when GitHub answered 304 and the stored value was used. */
  notModified: boolean;
  link: string | null;
}

export interface CachedGetOptions<T> extends Omit<GetOptions, 'etag'> {
  /** What to keep from a 200 body; what is stored and returned. */
  keep: (data: unknown) => T;
  /** A body that must not be cached (e.g. incomplete search results) is returned but not stored. */
  cacheable?: (value: T) => boolean;
  now: Date;
}

export function cacheKey(route: string, params: Record<string, string | number>): string {
  const query = Object.keys(params)
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
  return query ? `${route}?${query}` : route;
}

export async function cachedGet<T>(
  http: GithubHttp,
  cache: HttpCacheRepo,
  route: string,
  params: Record<string, string | number>,
  options: CachedGetOptions<T>,
): Promise<CachedGetResult<T>> {
  const key = cacheKey(route, params);
  const cached = await cache.get(key);
  const { keep, cacheable, now, ...getOptions } = options;
  const result = await http.get(route, params, { ...getOptions, ...(cached ? { etag: cached.etag } : {}) });
  if (result.status === 304 && cached) {
    await cache.touch(key, now);
    const stored = JSON.parse(cached.body) as { value: T; link: string | null };
    return { value: stored.value, notModified: true, link: stored.link };
  }
  if (result.status === 304) throw new Error(`304 without a cached body for ${key}`);
  const value = keep(result.data);
  if (result.etag && (cacheable?.(value) ?? true))
    await cache.put(key, result.etag, JSON.stringify({ value, link: result.link }), now);
  return { value, notModified: false, link: result.link };
}

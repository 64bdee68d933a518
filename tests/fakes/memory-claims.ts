// In-memory claims, waitlists, listings and GitHub logins: the behaviour of the SQL repositories, no database.
import { randomUUID } from 'node:crypto';
import type { Claim, ClaimRepo } from '../../src/store/claims.js';
import type { GithubLoginRepo } from '../../src/store/github-logins.js';
import { issueKey } from '../../src/store/issues.js';
import type { ListingRepo } from '../../src/store/listings.js';
import type { UserKey } from '../../src/store/users.js';
import type { Waiter, WaitlistRepo } from '../../src/store/waitlist.js';
import { keyOf } from './person-key.js';

const copy = (c: Claim): Claim => ({ ...c, user: { ...c.user } });

export function createMemoryClaimRepos(): {
  claims: ClaimRepo;
  waitlist: WaitlistRepo;
  listings: ListingRepo;
  githubLogins: GithubLoginRepo;
} {
  const claims: Claim[] = [];
  const waiters: (Waiter & { key: string })[] = [];
  const listings = new Map<string, { issues: { owner: string; repo: string; number: number }[]; at: Date }>();
  const logins = new Map<string, { login: string | null; askedAt: Date | null }>();
  const openOn = (key: string) => claims.find((c) => c.key === key && c.status === 'open');
  const mine = (user: UserKey, key: string) => waiters.find((w) => w.key === key && keyOf(w.user) === keyOf(user));
  const pending = (key: string) =>
    waiters
      .filter((w) => w.key === key && !w.notifiedAt)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || keyOf(a.user).localeCompare(keyOf(b.user)));
  return {
    claims: {
      async open(user, issue, now, maxOpen = Infinity) {
        const holder = openOn(issueKey(issue));
        if (holder) return { kind: 'held', claim: copy(holder) };
        const mine = claims.filter((c) => c.status === 'open' && keyOf(c.user) === keyOf(user));
        if (mine.length >= maxOpen) return { kind: 'full', mine: mine.map(copy) };
        const claim: Claim = {
          ...issue,
          id: randomUUID(),
          user: { ...user },
          key: issueKey(issue),
          status: 'open',
          reason: null,
          createdAt: now,
          progressAt: null,
          remindedAt: null,
          endedAt: null,
        };
        claims.push(claim);
        return { kind: 'created', claim: copy(claim) };
      },
      async openFor(user) {
        return claims.filter((c) => c.status === 'open' && keyOf(c.user) === keyOf(user)).map(copy);
      },
      async openOn(issue) {
        const c = openOn(issueKey(issue));
        return c ? copy(c) : null;
      },
      async lastOn(issue) {
        const mine = claims.filter((c) => c.key === issueKey(issue));
        const last = mine
          .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
          .at(-1);
        return last ? copy(last) : null;
      },
      async allOpen() {
        return claims.filter((c) => c.status === 'open').map(copy);
      },
      async end(id, status, reason, now) {
        const c = claims.find((x) => x.id === id && x.status === 'open');
        if (!c) return false;
        Object.assign(c, { status, reason, endedAt: now });
        return true;
      },
      async progress(id, at) {
        const c = claims.find((x) => x.id === id);
        if (!c || (c.progressAt && c.progressAt >= at)) return;
        Object.assign(c, { progressAt: at, remindedAt: null });
      },
      async reminded(id, at) {
        const c = claims.find((x) => x.id === id);
        if (!c || (at && (c.remindedAt || c.status !== 'open'))) return false;
        c.remindedAt = at;
        return true;
      },
    },
    waitlist: {
      async join(user, issue, now) {
        const key = issueKey(issue);
        const existing = mine(user, key);
        let added = false;
        if (!existing) {
          waiters.push({ key, user: { ...user }, issue: { ...issue }, createdAt: now, notifiedAt: null });
          added = true;
        } else if (existing.notifiedAt) {
          Object.assign(existing, { notifiedAt: null, createdAt: now });
          added = true;
        }
        return { position: pending(key).findIndex((w) => keyOf(w.user) === keyOf(user)) + 1, added };
      },
      async leave(user, issue) {
        const w = mine(user, issueKey(issue));
        if (!w) return false;
        waiters.splice(waiters.indexOf(w), 1);
        return true;
      },
      async next(issue) {
        const w = pending(issueKey(issue))[0];
        return w ? { user: { ...w.user }, issue: { ...w.issue }, createdAt: w.createdAt, notifiedAt: null } : null;
      },
      async tellNext(issue, now, turnMs) {
        const key = issueKey(issue);
        const recent = waiters.some(
          (w) => w.key === key && w.notifiedAt && w.notifiedAt.getTime() > now.getTime() - turnMs,
        );
        const first = pending(key)[0];
        if (!first || recent || openOn(key)) return null;
        first.notifiedAt = now;
        return { user: { ...first.user }, issue: { ...first.issue }, createdAt: first.createdAt, notifiedAt: now };
      },
      async waitedFor() {
        const keys = [...new Set(waiters.filter((w) => !w.notifiedAt).map((w) => w.key))].sort();
        return keys.map((k) => ({ ...pending(k)[0]!.issue }));
      },
      async clear(issue) {
        const gone = waiters.filter((w) => w.key === issueKey(issue));
        for (const w of gone) waiters.splice(waiters.indexOf(w), 1);
        return gone.length;
      },
      async notified(user, issue, at) {
        const w = mine(user, issueKey(issue));
        if (!w || (at && w.notifiedAt)) return false;
        w.notifiedAt = at;
        return true;
      },
    },
    listings: {
      async remember(user, issues, now) {
        listings.set(keyOf(user), {
          issues: issues.map((i) => ({ owner: i.owner, repo: i.repo, number: i.number })),
          at: now,
        });
      },
      async last(user) {
        const l = listings.get(keyOf(user));
        return l ? { issues: l.issues.map((i) => ({ ...i })), at: l.at } : null;
      },
    },
    githubLogins: {
      async get(user) {
        return { ...(logins.get(keyOf(user)) ?? { login: null, askedAt: null }) };
      },
      async set(user, login) {
        logins.set(keyOf(user), { askedAt: null, ...logins.get(keyOf(user)), login });
      },
      async markAsked(user, now) {
        logins.set(keyOf(user), { login: null, ...logins.get(keyOf(user)), askedAt: now });
      },
    },
  };
}

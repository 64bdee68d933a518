// In-memory privacy requests over the other fakes' own methods: what /privacy shows and erases, no database.
import type { PersonalDataRepo } from '../../src/store/personal-data.js';
import type { Store } from '../../src/store/store.js';
import type { UserKey } from '../../src/store/users.js';

/**
 * Built from the public methods of the fakes it erases from, plus `dropPerson` for the maps of the
 * memory store itself. Two gaps, both invisible through `describe` and stated by the contract test: the
 * fake waitlist cannot be listed per person (waits are left after a release, `waiting` reads empty), and
 * a fake listing is emptied rather than deleted.
 */
export function createMemoryPersonalData(
  store: Omit<Store, 'personalData'>,
  dropPerson: (user: UserKey) => void,
): PersonalDataRepo {
  const describe: PersonalDataRepo['describe'] = async (user) => {
    const u = await store.users.get(user);
    const claims = await store.claims.openFor(user);
    const listing = await store.listings.last(user);
    return {
      locale: u?.locale ?? null,
      seenLocale: u?.seenLocale ?? null,
      groups: await store.subscriptions.list(user),
      digestByDm: await store.digests.dmOn(user),
      githubLogin: (await store.githubLogins.get(user)).login,
      claims: claims.map((c) => ({
        owner: c.owner,
        repo: c.repo,
        number: c.number,
        title: c.title,
        since: c.createdAt,
      })),
      waiting: [],
      lastListingAt: listing && listing.issues.length > 0 ? listing.at : null,
      leadNotes: await store.leadNotes.groupsOf(user),
      funnel: (await store.funnel.forPerson(user)).map(({ step, group, language, at }) => ({
        step,
        group,
        language,
        at,
      })),
    };
  };
  return {
    describe,
    // The fakes cannot be listed by user id alone; tests of the operator's `forget` run on SQLite.
    async workspacesOf() {
      return [];
    },
    async erase(user, now) {
      const before = await describe(user);
      for (const g of before.groups) await store.subscriptions.remove(user, g);
      await store.digests.setDm(user, false, now);
      await store.githubLogins.set(user, null, now);
      const open = await store.claims.openFor(user);
      for (const c of open) await store.claims.end(c.id, 'released', 'gave_up', now);
      let waiting = 0;
      for (const issue of await store.waitlist.waitedFor()) if (await store.waitlist.leave(user, issue)) waiting += 1;
      await store.listings.remember(user, [], now);
      for (const g of await store.leadNotes.groupsOf(user)) await store.leadNotes.set(user, g, false, null, now);
      const funnelSteps = await store.funnel.forget(user);
      dropPerson(user);
      return {
        language: before.locale !== null || before.seenLocale !== null,
        groups: before.groups.length,
        digestByDm: before.digestByDm,
        githubLogin: before.githubLogin !== null,
        released: open.map(({ owner, repo, number }) => ({ owner, repo, number })),
        waiting,
        funnelSteps,
      };
    },
  };
}

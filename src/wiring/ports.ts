// The one place ports are cut from the services: each capability gets what its type declares, and nothing else.
import type { Registry } from '../capabilities/index.js';
import type { Capability, Wired } from '../core/capability.js';
import type { CoreDeps } from '../core/bot.js';
import type { Origin } from '../core/types.js';
import { holderOf } from '../github/issue-holder.js';
import { createSigMap, issueUrl } from '../github/sig-map.js';
import { groupPictures, recentFunnel, type LeadSources } from '../report/lead-picture.js';
import { createFunnelRecorder, type FunnelRecorder } from '../store/funnel-recorder.js';
import type { Store } from '../store/store.js';
import type { Deps } from './deps.js';
import { createHelpDesk } from '../jobs/journey-help.js';
import { createJourney } from '../jobs/journey-prs.js';
import type { Post } from '../digest/deliver.js';
import type { OpenResult, UserRef } from '../core/types.js';

/** Posting and opening conversations through this process's outboxes; a platform without one answers why. */
export function outboxPorts(deps: Pick<Deps, 'outboxes'>) {
  const of = (platform: string) => deps.outboxes?.find((o) => o.platform === platform);
  const post: Post = async (to, reply) =>
    (await of(to.platform)?.post(to, reply)) ?? { ok: false, error: `no ${to.platform} outbox in this process` };
  const open = async (platform: string, users: UserRef[]): Promise<OpenResult> =>
    (await of(platform)?.open(users)) ?? { ok: false, error: 'unsupported' };
  return { post, open };
}

/** Only these methods of a repository, so what a capability receives at run time is what its type says. */
const only = <T extends object, K extends keyof T>(repo: T, ...keys: K[]) =>
  Object.fromEntries(keys.map((k) => [k, repo[k]])) as Pick<T, K>;

type PortsOf<C> = C extends Capability<infer P> ? P : never;

/** The ports of every registered capability, by id: the type check fails when one is missing or wrong. */
export type PortTable = { [K in keyof Registry]: PortsOf<Registry[K]> };

const recorders = new WeakMap<Store, FunnelRecorder>();

/**
 * The one funnel recorder of a store, shared by the core, the capabilities and the jobs (the journey's
 * pull-request steps): its memory of steps already kept spares a write per event.
 */
export function funnelRecorder(deps: Pick<Deps, 'store' | 'log'>): FunnelRecorder {
  let recorder = recorders.get(deps.store);
  if (!recorder) recorders.set(deps.store, (recorder = createFunnelRecorder(deps.store.funnel, deps.log)));
  return recorder;
}

/** Where lead notes and /report read a group's picture: the issue index, open claims, the funnel. */
export function leadSources(deps: Pick<Deps, 'store' | 'issues'>): LeadSources {
  return {
    issues: () => deps.issues.list(),
    openClaims: () => deps.store.claims.allOpen(),
    events: () => deps.store.funnel.events(),
  };
}

/** The core's own ports: language memory, understanding, the newcomer channels. */
export function corePorts(deps: Deps): CoreDeps {
  const { content, store } = deps;
  const watched = (origin: Origin) => {
    const list: string[] = (content.community.channels.newcomer as Record<string, string[]>)[origin.platform] ?? [];
    return list.includes(origin.channelId) || (origin.channelName !== undefined && list.includes(origin.channelName));
  };
  return {
    translator: deps.translator,
    understand: (text) => deps.nlu.understand(text),
    people: {
      get: (user) => store.users.get(user),
      noteSeenLocale: (user, locale, at) => store.users.noteSeenLocale(user, locale, at),
    },
    watched,
    defaultLocale: deps.config.DEFAULT_LOCALE,
    log: deps.log,
    now: deps.now,
    noteContact: (user, locale, at) => funnelRecorder(deps).record('first_contact', user, { language: locale }, at),
    ...(content.community.commands ? { commandNames: content.community.commands } : {}),
  };
}

/** `wired` is read lazily: help and the home list the capabilities being built here. */
export function capabilityPorts(deps: Deps, wired: () => readonly Wired[]): PortTable {
  const { content, store, config } = deps;
  const catalogue = { content };
  const faq = { faq: { answer: deps.nlu.answerFaq.bind(deps.nlu) } };
  const ranking = { ranking: { recommend: deps.nlu.recommendSigs.bind(deps.nlu) } };
  const subscriptions = { subscriptions: store.subscriptions };
  const digestSwitch = { digestSwitch: { dmOn: store.digests.dmOn, setDm: store.digests.setDm } };
  // Built on first use, then kept: content does not change while the bot runs.
  let sigs: ReturnType<typeof createSigMap> | undefined;
  const sigMap = () => (sigs ??= createSigMap(content));
  const funnel = { funnel: { record: funnelRecorder(deps).record } };
  const helpDesk = createHelpDesk({ ...deps, ...outboxPorts(deps) });
  const journey = createJourney({ ...deps, ...outboxPorts(deps) });
  const picking = {
    ...catalogue,
    ...subscriptions,
    index: deps.issues,
    claims: only(store.claims, 'allOpen', 'openFor'),
    listings: store.listings,
  };
  return {
    contribute: { ...catalogue, ...faq },
    sig: { ...catalogue, ...subscriptions, ...digestSwitch, ...ranking, ...funnel },
    issues: { ...picking, github: { source: deps.github.source } },
    claim: {
      ...picking,
      ...funnel,
      claims: only(store.claims, 'open', 'openFor', 'openOn', 'allOpen', 'end'),
      waitlist: only(store.waitlist, 'join', 'leave', 'next'),
      github: deps.github,
      githubLogins: store.githubLogins,
      issueFacts: {
        sigsOf: (issue) => sigMap().sigsOf(issue),
        urlOf: (id) => issueUrl(deps.github.webBase, id),
        holderOf,
      },
      limits: {
        CLAIM_MAX_OPEN: config.CLAIM_MAX_OPEN,
        CLAIM_REMIND_DAYS: config.CLAIM_REMIND_DAYS,
        MENTOR_ANSWER_HOURS: config.MENTOR_ANSWER_HOURS,
      },
      helpDesk: only(helpDesk, 'request'),
      journey: only(journey, 'share'),
    },
    mentor: {
      ...catalogue,
      mentors: only(store.mentors, 'join', 'leave', 'pause', 'of', 'helping'),
      mentorLimits: { MENTOR_MAX_MENTEES: config.MENTOR_MAX_MENTEES },
      helpDesk: only(helpDesk, 'answer'),
    },
    github: { github: deps.github, githubLogins: store.githubLogins },
    digest: { ...catalogue, ...subscriptions, ...digestSwitch },
    faq: { ...catalogue, ...faq },
    language: { localeChoice: { set: store.users.setLocale } },
    privacy: {
      personal: {
        describe: (user) => store.personalData.describe(user),
        // Steps still being written (this very click's first contact) land before the erase, not after it.
        erase: async (user, now) => {
          await funnelRecorder(deps).flush();
          return store.personalData.erase(user, now);
        },
      },
    },
    report: {
      ...catalogue,
      leads: {
        pictures: (groups, now) => groupPictures(groups, leadSources(deps), now),
        recentFunnel: (group, now) => recentFunnel(group, leadSources(deps), now),
        noteGroups: (user) => store.leadNotes.groupsOf(user),
        setNote: (user, group, on, locale, now) => store.leadNotes.set(user, group, on, locale, now),
      },
    },
    help: { registry: wired },
    choose: { registry: wired },
    welcome: catalogue,
    home: { ...catalogue, sections: wired },
  };
}

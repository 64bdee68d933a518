// In-memory funnel events and anonymous counts: the behaviour of the SQL repository, no database.
import {
  attributeGroups,
  inOrder,
  type FunnelCount,
  type FunnelEvent,
  type FunnelRepo,
} from '../../src/store/funnel.js';
import { FUNNEL_STEPS, weekOf } from '../../src/store/funnel-steps.js';
import { keyOf } from './person-key.js';

const copy = (e: FunnelEvent): FunnelEvent => ({ ...e, user: { ...e.user } });
const order = (a: FunnelEvent, b: FunnelEvent) =>
  a.at.getTime() - b.at.getTime() || keyOf(a.user).localeCompare(keyOf(b.user)) || a.step.localeCompare(b.step);

// Code-unit order, as the databases sort these columns (localeCompare would skip the separators).
const sortKey = (c: FunnelCount) => [c.week, c.step, c.group ?? '', c.platform, c.language ?? ''].join('\u0000');

export function createMemoryFunnel(): FunnelRepo {
  let events: FunnelEvent[] = [];
  const counts = new Map<string, FunnelCount>();
  const anonymise = (gone: FunnelEvent[]) => {
    for (const e of attributeGroups(gone)) {
      const k = [weekOf(e.at), e.step, e.group ?? '', e.user.platform, e.language ?? ''].join('\u0000');
      const c = counts.get(k) ?? {
        week: weekOf(e.at),
        step: e.step,
        group: e.group,
        platform: e.user.platform,
        language: e.language,
        count: 0,
      };
      c.count += 1;
      counts.set(k, c);
    }
    events = events.filter((e) => !gone.includes(e));
    return gone.length;
  };
  return {
    async record(user, step, facts, at) {
      if (events.some((e) => e.step === step && keyOf(e.user) === keyOf(user))) return false;
      events.push({ user: { ...user }, step, group: facts.group ?? null, language: facts.language ?? null, at });
      return true;
    },
    async events(range = {}) {
      return events
        .filter((e) => (!range.since || e.at >= range.since) && (!range.until || e.at < range.until))
        .sort(order)
        .map(copy);
    },
    async counts(range = {}) {
      const since = range.since?.toISOString().slice(0, 10);
      const until = range.until?.toISOString().slice(0, 10);
      return [...counts.values()]
        .filter((c) => (!since || c.week >= since) && (!until || c.week < until))
        .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0))
        .map((c) => ({ ...c }));
    },
    async forPerson(user) {
      return events
        .filter((e) => keyOf(e.user) === keyOf(user))
        .sort(inOrder)
        .map(copy);
    },
    async forget(user) {
      return anonymise(events.filter((e) => keyOf(e.user) === keyOf(user)));
    },
    async prune(before) {
      return anonymise(events.filter((e) => e.at < before));
    },
    async totals() {
      const out = Object.fromEntries(FUNNEL_STEPS.map((s) => [s, 0])) as Record<(typeof FUNNEL_STEPS)[number], number>;
      for (const e of events) out[e.step] += 1;
      for (const c of counts.values()) out[c.step] += c.count;
      return out;
    },
  };
}

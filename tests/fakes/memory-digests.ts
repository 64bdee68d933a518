// An in-memory digest ledger with the real one's rules: one row per (period, destination), atomic claims.
import type { DeliveryRow, DeliveryStatus, DigestRepo, DigestRun, PlannedDelivery } from '../../src/store/digests.js';
import type { Locale } from '../../src/core/types.js';
import type { UserKey } from '../../src/store/users.js';
import { keyOf } from './person-key.js';

/** `people` reads the memory store's own maps: a person's stored language and followed SIGs. */
export function createMemoryDigests(people: {
  locale(key: UserKey): Locale | null;
  sigs(key: UserKey): string[];
}): DigestRepo {
  const optins = new Map<string, UserKey>();
  const runs = new Map<string, DigestRun>();
  const rows = new Map<string, Map<string, DeliveryRow>>();
  const of = (period: string) => rows.get(period) ?? rows.set(period, new Map()).get(period)!;

  return {
    async setDm(key, on) {
      const had = optins.has(keyOf(key));
      if (on) optins.set(keyOf(key), { ...key });
      else optins.delete(keyOf(key));
      return had !== on;
    },
    async dmOn(key) {
      return optins.has(keyOf(key));
    },
    async dmRecipients() {
      const sorted = [...optins.values()].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
      return sorted.map((k) => ({ ...k, locale: people.locale(k), sigIds: [...people.sigs(k)] }));
    },
    async openRun(periodKey, now) {
      if (!runs.has(periodKey)) runs.set(periodKey, { periodKey, status: 'running', planned: false, startedAt: now });
      return { ...runs.get(periodKey)! };
    },
    async markPlanned(periodKey) {
      runs.get(periodKey)!.planned = true;
    },
    async finishRun(periodKey, status) {
      runs.get(periodKey)!.status = status;
    },
    async plan(periodKey, deliveries: PlannedDelivery[]) {
      const table = of(periodKey);
      for (const d of deliveries) {
        if (!table.has(d.destination))
          table.set(d.destination, {
            ...d,
            status: 'pending',
            attempts: 0,
            cutoff: null,
            issueKeys: [],
            messageId: null,
            error: null,
          });
      }
    },
    async deliveries(periodKey) {
      return [...of(periodKey).values()]
        .sort((a, b) => a.destination.localeCompare(b.destination))
        .map((r) => ({ ...r }));
    },
    async markInterrupted(periodKey) {
      let n = 0;
      for (const r of of(periodKey).values())
        if (r.status === 'sending') {
          r.status = 'uncertain';
          n += 1;
        }
      return n;
    },
    async claim(periodKey, destination) {
      const r = of(periodKey).get(destination);
      if (!r || (r.status !== 'pending' && r.status !== 'failed')) return false;
      r.status = 'sending';
      return true;
    },
    async settle(periodKey, destination, from: DeliveryStatus[], to) {
      const r = of(periodKey).get(destination);
      if (!r || !from.includes(r.status)) return false;
      r.status = to.status;
      if (to.cutoff) r.cutoff = to.cutoff;
      if (to.issueKeys) r.issueKeys = [...to.issueKeys];
      if (to.messageId !== undefined) r.messageId = to.messageId;
      // The table keeps an error's first 500 characters, like the SQL repository (found by the shared contract).
      if (to.error !== undefined) r.error = to.error === null ? null : to.error.slice(0, 500);
      if (to.failed) r.attempts += 1;
      return true;
    },
    async lastCutoffs() {
      const out = new Map<string, Date>();
      for (const table of rows.values())
        for (const r of table.values()) {
          if ((r.status !== 'sent' && r.status !== 'empty') || !r.cutoff) continue;
          const seen = out.get(r.destination);
          if (!seen || seen < r.cutoff) out.set(r.destination, r.cutoff);
        }
      return out;
    },
  };
}

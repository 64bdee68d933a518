// Choosing a digest's issues: fresher first, stable ties, only new since the cutoff, and SIGs taking turns.
import { describe, expect, it } from 'vitest';
import { createSelector, groupBySig, rankBySig } from '../../src/digest/select.js';
import { issue } from '../fakes/digest-issues.js';

const now = new Date('2026-11-30T09:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const labels = ['good first issue', 'help wanted'];

describe('digest selection', () => {
  it('ranks fresher issues first, with the preferred label worth a head start', () => {
    const fresh = issue(1, ['sig-a'], hoursAgo(1), { labels: ['help wanted'] });
    const older = issue(2, ['sig-a'], hoursAgo(20), { labels: ['good first issue'] });
    const oldest = issue(3, ['sig-a'], hoursAgo(100), { labels: ['Good First Issue'] });
    const ranked = rankBySig([oldest, fresh, older], labels, now).bySig.get('sig-a')!;
    expect(ranked.issues.map((i) => i.number)).toEqual([2, 1, 3]);
  });

  it('ranks the same data the same way every time (ties go to the newer, then the key)', () => {
    const at = hoursAgo(5);
    const list = [issue(9, ['sig-a'], at), issue(3, ['sig-a'], at), issue(5, ['sig-a'], hoursAgo(4))];
    const a = rankBySig(list, labels, now)
      .bySig.get('sig-a')!
      .issues.map((i) => i.number);
    const b = rankBySig([...list].reverse(), labels, now)
      .bySig.get('sig-a')!
      .issues.map((i) => i.number);
    expect(a).toEqual([5, 3, 9]);
    expect(b).toEqual(a);
  });

  it('keeps only issues new since the cutoff and not after this digest, and all earlier ones on a first digest', () => {
    const future = issue(3, ['sig-a'], new Date(now.getTime() + 60_000));
    const select = createSelector(
      rankBySig([issue(1, ['sig-a'], hoursAgo(1)), issue(2, ['sig-a'], hoursAgo(30)), future], labels, now),
    );
    expect(select(['sig-a'], { after: hoursAgo(24), until: now }, 10)).toMatchObject({
      total: 1,
      ordered: [{ number: 1 }],
    });
    expect(select(['sig-a'], { after: null, until: now }, 10).total).toBe(2);
    expect(select(['sig-a'], { after: hoursAgo(0), until: now }, 10)).toEqual({ ordered: [], total: 0 });
    expect(select(['sig-unknown'], { after: null, until: now }, 10)).toEqual({ ordered: [], total: 0 });
  });

  it('takes turns between SIGs so a busy one cannot crowd out a quiet one, counting shared issues once', () => {
    const busy = Array.from({ length: 12 }, (_, i) => issue(100 + i, ['sig-busy'], hoursAgo(i + 1)));
    const quiet = [issue(1, ['sig-quiet'], hoursAgo(50)), issue(2, ['sig-quiet', 'sig-busy'], hoursAgo(60))];
    const select = createSelector(rankBySig([...busy, ...quiet], labels, now));
    const { ordered, total } = select(['sig-busy', 'sig-quiet'], { after: null, until: now }, 10);
    expect(total).toBe(14);
    expect(ordered).toHaveLength(10);
    expect(ordered.map((i) => i.number).slice(0, 4)).toEqual([100, 1, 101, 2]);
    expect(new Set(ordered.map((i) => i.key)).size).toBe(10);
    const groups = groupBySig(ordered, ['sig-busy', 'sig-quiet']);
    expect(groups.map((g) => [g.sigId, g.issues.length])).toEqual([
      ['sig-busy', 9],
      ['sig-quiet', 1],
    ]);
    // The same selector, used again for another destination, starts from a clean slate.
    expect(select(['sig-quiet', 'sig-busy'], { after: null, until: now }, 3).ordered.map((i) => i.number)).toEqual([
      1, 100, 2,
    ]);
  });
});

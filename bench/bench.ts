// What a benchmark is, and small helpers to report percentiles the same way everywhere.

export interface Bench {
  name: string;
  /** Returns figures to print, e.g. { p50_ms: 1.2, p99_ms: 3.4 }. */
  run(): Promise<Record<string, number | string>>;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** Times `fn` `n` times after `warmup` runs; milliseconds, sorted. */
export async function timeMany(n: number, fn: (i: number) => unknown, warmup = Math.min(50, n)): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await fn(i);
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out.sort((a, b) => a - b);
}

export const round = (x: number, digits = 3) => Number(x.toFixed(digits));

/** Two sets of timings of the same scenario, onramp's against a bare app's: p50 and p99 of each, and their ratios. */
function comparison(times: { bare: number[]; onramp: number[] }): Record<string, number> {
  const p = (xs: number[], q: number) =>
    percentile(
      [...xs].sort((a, b) => a - b),
      q,
    );
  return {
    bare_p50: round(p(times.bare, 50), 2),
    bare_p99: round(p(times.bare, 99), 2),
    onramp_p50: round(p(times.onramp, 50), 2),
    onramp_p99: round(p(times.onramp, 99), 2),
    ratio_p50: round(p(times.onramp, 50) / p(times.bare, 50), 2),
    ratio_p99: round(p(times.onramp, 99) / p(times.bare, 99), 2),
  };
}

/**
 * Times the same scenario on a bare app and on onramp, `runs` rounds after `warmup` unrecorded ones.
 * Alternating which goes first keeps drift (GC, JIT, the other side's background work) out of the ratio;
 * `paceMs` spaces rounds (a platform's rate limit shared by both sides).
 */
export async function alternate(
  measure: (who: 'bare' | 'onramp', round: number) => Promise<number>,
  options: { runs: number; warmup: number; paceMs?: number },
): Promise<Record<string, number>> {
  const times = { bare: [] as number[], onramp: [] as number[] };
  for (let i = 0; i < options.warmup + options.runs; i++) {
    const started = Date.now();
    const order = i % 2 === 0 ? (['bare', 'onramp'] as const) : (['onramp', 'bare'] as const);
    for (const who of order) {
      const ms = await measure(who, i);
      if (i >= options.warmup) times[who].push(ms);
    }
    if (options.paceMs) await new Promise((r) => setTimeout(r, Math.max(0, options.paceMs! - (Date.now() - started))));
  }
  return comparison(times);
}

/** `{ p50: 1 }` → `{ mention_p50: 1 }`: several comparisons on one line. */
export const prefixed = (prefix: string, figures: Record<string, number>) =>
  Object.fromEntries(Object.entries(figures).map(([k, v]) => [`${prefix}_${k}`, v]));

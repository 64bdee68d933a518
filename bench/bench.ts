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
export function comparison(times: { bare: number[]; onramp: number[] }): Record<string, number> {
  const p = (xs: number[], q: number) => percentile([...xs].sort((a, b) => a - b), q);
  return {
    bare_p50: round(p(times.bare, 50), 2),
    bare_p99: round(p(times.bare, 99), 2),
    onramp_p50: round(p(times.onramp, 50), 2),
    onramp_p99: round(p(times.onramp, 99), 2),
    ratio_p50: round(p(times.onramp, 50) / p(times.bare, 50), 2),
    ratio_p99: round(p(times.onramp, 99) / p(times.bare, 99), 2),
  };
}

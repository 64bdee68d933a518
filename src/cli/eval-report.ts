// Renders evaluation results: a readable table for people, one JSON line for machines.
import type { ChannelScore, IntentScore, Miss, SigScore } from './eval-score.js';

export interface EvalResult {
  intent?: IntentScore;
  /** For the table only: the JSON line keeps its public shape. */
  channel?: ChannelScore;
  /** Grouped cross-validation (`--cv`): the same figures on threads held out of training. */
  intent_cv?: IntentScore;
  channel_cv?: ChannelScore;
  sig?: SigScore;
  latency_ms: { p50: number; p99: number };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const num = (x: number) => x.toFixed(3);

function intentLines(title: string, s: IntentScore, c: ChannelScore | undefined): string[] {
  const out: string[] = [];
  out.push(`${title}: ${s.n} cases   accuracy ${pct(s.accuracy)}   macro-F1 ${num(s.macro_f1)}`);
  out.push(
    `  ${'intent'.padEnd(18)} ${'n'.padStart(4)} ${'precision'.padStart(10)} ${'recall'.padStart(8)} ${'F1'.padStart(7)}`,
  );
  for (const [intent, r] of Object.entries(s.per_intent)) {
    out.push(
      `  ${intent.padEnd(18)} ${String(r.n).padStart(4)} ${num(r.precision).padStart(10)} ${num(r.recall).padStart(8)} ${num(r.f1).padStart(7)}`,
    );
  }
  if (c) {
    const right = c.answered ? ` (${pct(c.answeredRight / c.answered)} with the right intent)` : '';
    out.push(
      `in a newcomer channel: would answer ${c.answered} of ${c.requests} requests${right}, and ${c.interrupted} of ${c.quiet} messages that need no answer`,
    );
    out.push(`confidence calibration error: ${num(c.calibrationError)}`);
  }
  out.push(`requests answered right or one button away: ${pct(s.reach)}`);
  return out;
}

export function tableLines(result: EvalResult): string[] {
  const out: string[] = [];
  if (result.intent) out.push(...intentLines('intents', result.intent, result.channel));
  if (result.intent_cv)
    out.push(...intentLines('grouped cross-validation (5 folds by thread)', result.intent_cv, result.channel_cv));
  if (result.sig) {
    const s = result.sig;
    out.push(`SIG routing: ${s.n} cases   top-1 ${pct(s.top1)}   top-3 ${pct(s.top3)}`);
  }
  out.push(
    `latency (understand + rank SIGs, one message): p50 ${result.latency_ms.p50.toFixed(3)} ms   p99 ${result.latency_ms.p99.toFixed(3)} ms`,
  );
  return out;
}

export function missLines(title: string, misses: Miss[]): string[] {
  if (misses.length === 0) return [];
  const clip = (t: string) => (t.length > 110 ? `${t.slice(0, 110)}…` : t).replace(/\s+/g, ' ');
  return [
    `${title} (${misses.length}):`,
    ...misses.map((m) => `  line ${m.line}: expected ${m.expected}, got ${m.got} — ${clip(m.text)}`),
  ];
}

/** Exactly the public shape: absent parts are left out, keys in a fixed order. */
export function jsonLine(result: EvalResult): string {
  return JSON.stringify({
    ...(result.intent ? { intent: result.intent } : {}),
    ...(result.intent_cv ? { intent_cv: result.intent_cv } : {}),
    ...(result.sig ? { sig: result.sig } : {}),
    latency_ms: result.latency_ms,
  });
}

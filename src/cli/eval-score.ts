// Scores understanding against labelled cases: per-intent precision/recall/F1, SIG top-k, latency.
import { channelSpeaks } from '../nlu/channel.js';
import { reaches, type Alternative } from '../nlu/choice.js';
import { INTENTS, type Intent, type Nlu, type Understanding } from '../nlu/types.js';
import type { IntentCase, SigCase } from './eval-cases.js';

export interface IntentScore {
  n: number;
  accuracy: number;
  macro_f1: number;
  per_intent: Record<string, { precision: number; recall: number; f1: number; n: number }>;
  /** Expected calibration error over ten equal-width confidence bins (0 is perfect). */
  ece: number;
  /** The newcomer-channel rule: requests answered, chatter spoken on, answers with the right intent. */
  channel: { answer_rate: number; speak_rate: number; right_rate: number };
  /** Share of requests whose right answer is given, or one button away when the bot offers a choice. */
  reach: number;
}

export interface SigScore {
  n: number;
  top1: number;
  top3: number;
}

/**
 * What the channel rule would do with these messages (a plain message in a newcomer channel is answered
 * only for an actionable intent at the channel confidence, never when addressed to someone else), and calibration.
 */
export interface ChannelScore {
  /** Messages labelled with one of the four actionable intents, and how many of them would be answered. */
  requests: number;
  answered: number;
  /** Of those answered, how many by the capability of the labelled intent. */
  answeredRight: number;
  /** Messages labelled `other`, and how many the bot would wrongly answer. */
  quiet: number;
  interrupted: number;
  /** Expected calibration error over ten confidence bins (0 is perfect). */
  calibrationError: number;
}

export interface Miss {
  line: number;
  text: string;
  expected: string;
  got: string;
}

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** What understanding said about one case, as scoring needs it (from the NLU, or from a held-out model). */
export interface Guess {
  intent: Intent;
  confidence: number;
  unsure: boolean;
  alternatives: Alternative[];
}

export function guessOf(u: Understanding): Guess {
  return { intent: u.intent, confidence: u.confidence, unsure: u.unsure ?? false, alternatives: u.alternatives ?? [] };
}

export function scoreIntents(
  nlu: Nlu,
  cases: IntentCase[],
): { score: IntentScore; misses: Miss[]; channel: ChannelScore } {
  return scoreGuesses(
    cases,
    cases.map((c) => guessOf(nlu.understand(c.text))),
  );
}

/** Scores guesses made for `cases` (same order). */
export function scoreGuesses(
  cases: IntentCase[],
  guesses: Guess[],
): { score: IntentScore; misses: Miss[]; channel: ChannelScore } {
  const counts = new Map<Intent, { tp: number; fp: number; fn: number; n: number }>(
    INTENTS.map((i) => [i, { tp: 0, fp: 0, fn: 0, n: 0 }]),
  );
  const misses: Miss[] = [];
  const channel = { requests: 0, answered: 0, answeredRight: 0, quiet: 0, interrupted: 0, calibrationError: 0 };
  const bins = Array.from({ length: 10 }, () => ({ n: 0, confidence: 0, correct: 0 }));
  let correct = 0;
  let reached = 0;
  cases.forEach((c, i) => {
    const got = guesses[i]!;
    const speaks = channelSpeaks({ intent: got.intent, confidence: got.confidence }, c.text);
    if (c.intent === 'other') {
      channel.quiet += 1;
      if (speaks) channel.interrupted += 1;
    } else {
      channel.requests += 1;
      if (speaks) channel.answered += 1;
      if (speaks && got.intent === c.intent) channel.answeredRight += 1;
      if (reaches(got, c.intent)) reached += 1;
    }
    const bin = bins[Math.min(9, Math.floor(got.confidence * 10))]!;
    bin.n += 1;
    bin.confidence += got.confidence;
    if (got.intent === c.intent) bin.correct += 1;
    const gold = counts.get(c.intent)!;
    gold.n += 1;
    if (got.intent === c.intent) {
      correct += 1;
      gold.tp += 1;
    } else {
      gold.fn += 1;
      counts.get(got.intent)!.fp += 1;
      misses.push({
        line: c.line,
        text: c.text,
        expected: c.intent,
        got: `${got.intent} ${got.confidence.toFixed(2)}`,
      });
    }
  });
  const per_intent: IntentScore['per_intent'] = {};
  const f1s: number[] = [];
  for (const [intent, { tp, fp, n }] of counts) {
    // An intent neither expected nor predicted says nothing about the classifier: left out of the macro average.
    if (n === 0 && fp === 0) continue;
    const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
    const recall = n > 0 ? tp / n : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    per_intent[intent] = { precision: r4(precision), recall: r4(recall), f1: r4(f1), n };
    f1s.push(f1);
  }
  const macro = f1s.length > 0 ? f1s.reduce((a, b) => a + b, 0) / f1s.length : 0;
  channel.calibrationError = r4(
    bins.reduce((sum, b) => sum + (b.n ? (b.n / cases.length) * Math.abs(b.correct / b.n - b.confidence / b.n) : 0), 0),
  );
  const rate = (a: number, b: number) => r4(b ? a / b : 0);
  const score: IntentScore = {
    n: cases.length,
    accuracy: rate(correct, cases.length),
    macro_f1: r4(macro),
    per_intent,
    ece: channel.calibrationError,
    channel: {
      answer_rate: rate(channel.answered, channel.requests),
      speak_rate: rate(channel.interrupted, channel.quiet),
      right_rate: rate(channel.answeredRight, channel.answered),
    },
    reach: rate(reached, channel.requests),
  };
  return { score, misses, channel };
}

export function scoreSigs(nlu: Nlu, cases: SigCase[]): { score: SigScore; misses: Miss[] } {
  let top1 = 0;
  let top3 = 0;
  const misses: Miss[] = [];
  for (const c of cases) {
    const ranked = nlu.recommendSigs(c.text, 3).map((r) => r.sigId);
    if (ranked[0] === c.sig) top1 += 1;
    if (ranked.includes(c.sig)) top3 += 1;
    else misses.push({ line: c.line, text: c.text, expected: c.sig, got: ranked.join(', ') || '(none)' });
  }
  const n = cases.length;
  return { score: { n, top1: r4(n ? top1 / n : 0), top3: r4(n ? top3 / n : 0) }, misses };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Time to understand one message as the bot does (intent and entities, then the SIG ranking). */
export function measureLatency(nlu: Nlu, texts: string[], rounds = 3): { p50: number; p99: number } {
  const once = (t: string) => {
    nlu.understand(t);
    nlu.recommendSigs(t, 3);
  };
  for (const t of texts) once(t); // warm-up: the first calls pay for compilation, not for understanding
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const t of texts) {
      const start = process.hrtime.bigint();
      once(t);
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  samples.sort((a, b) => a - b);
  return { p50: r4(percentile(samples, 50)), p99: r4(percentile(samples, 99)) };
}

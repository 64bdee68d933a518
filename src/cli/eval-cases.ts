// Reads evaluation cases (JSON lines): intent cases and SIG-routing cases, problems reported by line number.
import { INTENTS, type Intent } from '../nlu/types.js';

export interface IntentCase {
  text: string;
  intent: Intent;
  line: number;
  /** Where the message was taken from (a thread): cross-validation keeps one thread in one fold. */
  source?: string;
}

export interface SigCase {
  text: string;
  sig: string;
  also: string[];
  line: number;
}

export interface Cases {
  intents: IntentCase[];
  sigs: SigCase[];
  /** `FILE:LINE: problem`, one per rejected line. */
  problems: string[];
}

const isIntent = (v: unknown): v is Intent => typeof v === 'string' && (INTENTS as readonly string[]).includes(v);

/** One case per line; blank lines are skipped, extra fields ignored, a bad line never stops the rest. */
export function parseCases(
  source: string,
  label: string,
  into: Cases = { intents: [], sigs: [], problems: [] },
): Cases {
  // A byte-order mark (some editors add one) is not part of the first case.
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    const problem = (message: string) => into.problems.push(`${label}:${line}: ${message}`);
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      problem(`invalid JSON (${(err as Error).message.split('\n')[0]})`);
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return problem('expected a JSON object');
    const o = value as Record<string, unknown>;
    if (typeof o.text !== 'string') return problem('"text" must be a string');
    if ('intent' in o) {
      if (!isIntent(o.intent)) return problem(`"intent" must be one of ${INTENTS.join(', ')}`);
      into.intents.push({
        text: o.text,
        intent: o.intent,
        line,
        ...(typeof o.source === 'string' ? { source: o.source } : {}),
      });
      return;
    }
    if ('sig' in o) {
      if (typeof o.sig !== 'string' || !o.sig) return problem('"sig" must be a non-empty string');
      const also = o.also ?? [];
      if (!Array.isArray(also) || also.some((a) => typeof a !== 'string'))
        return problem('"also" must be a list of strings');
      into.sigs.push({ text: o.text, sig: o.sig, also: also as string[], line });
      return;
    }
    problem('expected an "intent" or a "sig" field');
  });
  return into;
}

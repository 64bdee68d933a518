// Measures understanding one message (intent, entities, SIG ranking) over real texts and over long inputs.
import { existsSync, readFileSync } from 'node:fs';
import { loadContent } from '../src/content/load.js';
import { bundledKnowledge } from '../src/nlu/knowledge.js';
import { createNlu } from '../src/nlu/index.js';
import { percentile, round, timeMany, type Bench } from './bench.js';

const SHARED = '../shared';

/** The labelled dev texts when the shared folder is there (as in CI), else our own example messages. */
function sampleTexts(): { texts: string[]; source: string } {
  const files = ['intents-dev.jsonl', 'sig-routing-dev.jsonl']
    .map((f) => `${SHARED}/eval/${f}`)
    .filter((f) => existsSync(f));
  if (files.length === 0)
    return { texts: bundledKnowledge().examples.map((e) => e.text), source: 'content/nlu examples' };
  const texts = files.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => String((JSON.parse(l) as { text: unknown }).text)),
  );
  return { texts, source: 'dev sets' };
}

/** Long and hostile inputs: a pasted log, a wall of text, binary noise, mention spam. */
function longTexts(): string[] {
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const words = 'I would like to work on the kubelet and kube-proxy please assign me this issue thanks'.split(' ');
  return [
    Array.from({ length: 700 }, (_, i) => words[i % words.length]).join(' '), // ~4 kB of prose
    'a'.repeat(100_000),
    Array.from({ length: 20_000 }, (_, i) => words[i % words.length]).join(' '), // ~100 kB of prose
    String.fromCharCode(...Array.from({ length: 50_000 }, () => Math.floor(rand() * 65_536))),
    '<@U123> '.repeat(5_000) + 'which SIG should I join?',
    '**[x](https://example.com)** `code` '.repeat(2_000),
  ];
}

export const nlu: Bench = {
  name: 'understanding one message (intent, entities, SIG ranking)',
  async run() {
    const sigsFile = `${SHARED}/data/kubernetes-community-sigs.yaml`;
    const content = await loadContent({ dir: 'content', sigsFile: existsSync(sigsFile) ? sigsFile : undefined });
    const understanding = createNlu(content);
    const once = (t: string) => {
      understanding.understand(t);
      understanding.recommendSigs(t, 3);
    };
    const { texts, source } = sampleTexts();
    const rounds = 5;
    const real = await timeMany(texts.length * rounds, (i) => once(texts[i % texts.length]!));
    const long = longTexts();
    const heavy = await timeMany(long.length * 20, (i) => once(long[i % long.length]!), long.length * 2);
    return {
      texts: `${texts.length} (${source})`,
      p50_ms: round(percentile(real, 50)),
      p99_ms: round(percentile(real, 99)),
      long_inputs_p50_ms: round(percentile(heavy, 50)),
      long_inputs_p99_ms: round(percentile(heavy, 99)),
    };
  },
};

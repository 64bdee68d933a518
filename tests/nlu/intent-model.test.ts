// The stored intent model: trained from today's examples, deterministic, ignored when stale; strict example files.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanForUnderstanding } from '../../src/nlu/clean.js';
import { parseExamples } from '../../src/nlu/intent-examples.js';
import { loadModel, saveModel } from '../../src/nlu/intent-model.js';
import { classifierFrom, trainIntentModel } from '../../src/nlu/intents.js';
import { bundledKnowledge } from '../../src/nlu/knowledge.js';

const knowledge = bundledKnowledge();

const dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PROBES = [
  'can I take this one?',
  'any good first issues?',
  'which SIG fits someone who likes storage?',
  'comment contribuer ?',
  '/lgtm',
  'thanks!',
];

describe('the stored intent model', () => {
  it('was trained from the current examples and code (else run: npx tsx src/nlu/train-intents.ts)', () => {
    expect(loadModel(knowledge)).not.toBeNull();
  });

  it('is what training gives today: training is deterministic', () => {
    const fresh = classifierFrom(
      trainIntentModel(knowledge.examples, knowledge.fillers, knowledge.cues),
      knowledge.cues,
    );
    const stored = classifierFrom(loadModel(knowledge)!, knowledge.cues);
    for (const probe of PROBES) {
      const a = fresh.classify(cleanForUnderstanding(probe));
      const b = stored.classify(cleanForUnderstanding(probe));
      expect(b.intent).toBe(a.intent);
      // The file keeps four decimals of each weight.
      expect(Math.abs(b.confidence - a.confidence)).toBeLessThan(0.01);
    }
  });

  it('is ignored when it is missing, unreadable, or from other sources', () => {
    expect(loadModel(knowledge, path.join(dir, 'missing.json'))).toBeNull();
    writeFileSync(path.join(dir, 'broken.json'), '{"fingerprint": ');
    expect(loadModel(knowledge, path.join(dir, 'broken.json'))).toBeNull();
    const model = loadModel(knowledge)!;
    const copy = path.join(dir, 'copy.json');
    saveModel(model, knowledge, copy);
    expect(loadModel(knowledge, copy)).not.toBeNull();
    // Other examples make another fingerprint: the same file is no longer theirs.
    const other = { ...knowledge, modelSources: [...knowledge.modelSources, '[other]\nhello'] };
    expect(loadModel(other, copy)).toBeNull();
    const stale = JSON.parse(readFileSync(copy, 'utf8'));
    writeFileSync(copy, JSON.stringify({ ...stale, fingerprint: 'from-other-sources' }));
    expect(loadModel(knowledge, copy)).toBeNull();
  });

  it('reads example files strictly: an unknown section or a line before any header is an error with its line', () => {
    expect(() => parseExamples('[claim_issue]\nhi\n[dance]\nx', 'f.txt', 'en')).toThrow(
      'f.txt:3: unknown intent [dance]',
    );
    expect(() => parseExamples('orphan line', 'g.txt', 'en')).toThrow('g.txt:1: a line before any [section] header');
  });
});

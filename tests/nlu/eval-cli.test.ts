// The eval command: its table and --json line, Windows line endings, malformed lines, --sigs, and bad arguments.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliRun } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-eval-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, lines: string[]): string {
  const p = path.join(dir, name);
  writeFileSync(p, `${lines.join('\n')}\n`);
  return p;
}

async function cli(args: string[]) {
  const run = await cliRun(['eval', ...args]);
  return { ...run, json: () => JSON.parse(run.out.at(-1)!) };
}

const INTENTS = [
  '{"text": "how do I contribute?", "intent": "contribute_howto", "lang": "en", "source": "x/y#1"}',
  '{"text": "can I work on this issue? please assign me", "intent": "claim_issue"}',
  '{"text": "/lgtm", "intent": "other"}',
  '{"text": "quel SIG me conseillez-vous ? j\'aime le réseau", "intent": "recommend_sig"}',
];
const SIGS = [
  '{"id": "k1", "text": "kube-proxy nftables mode", "sig": "sig-network", "also": [], "form": "title"}',
  '{"text": "CSI volume snapshots", "sig": "sig-storage"}',
];

describe('eval command', () => {
  it('prints a readable table, and with --json ends with exactly the public JSON line', async () => {
    const mixed = file('mixed.jsonl', [...INTENTS, ...SIGS]);
    const table = await cli(['--cases', mixed]);
    expect(table.code).toBe(0);
    expect(table.out.join('\n')).toMatch(/intents: 4 cases\s+accuracy/);
    expect(table.out.join('\n')).toMatch(/SIG routing: 2 cases\s+top-1/);
    // The channel rule: the three clear requests are answered, the review command is not.
    expect(table.out.join('\n')).toContain(
      'in a newcomer channel: would answer 3 of 3 requests (100.0% with the right intent), and 0 of 1 messages that need no answer',
    );
    expect(table.out.join('\n')).toMatch(/confidence calibration error: 0\.\d{3}/);
    const run = await cli(['--cases', mixed, '--json']);
    const json = run.json();
    expect(Object.keys(json)).toEqual(['intent', 'sig', 'latency_ms']);
    expect(Object.keys(json.intent)).toEqual(['n', 'accuracy', 'macro_f1', 'per_intent', 'ece', 'channel', 'reach']);
    expect(json.intent.channel).toEqual({ answer_rate: 1, speak_rate: 0, right_rate: 1 });
    expect(json.intent.ece).toBeGreaterThanOrEqual(0);
    expect(json.intent.reach).toBe(1);
    expect(json.intent.n).toBe(4);
    expect(json.intent.per_intent.claim_issue).toEqual({
      precision: expect.any(Number),
      recall: expect.any(Number),
      f1: expect.any(Number),
      n: 1,
    });
    expect(json.sig).toEqual({ n: 2, top1: expect.any(Number), top3: expect.any(Number) });
    expect(Object.keys(json.latency_ms)).toEqual(['p50', 'p99']);
  });

  it('accepts Windows line endings and a byte-order mark', async () => {
    const p = path.join(dir, 'crlf.jsonl');
    writeFileSync(p, `\uFEFF${INTENTS.join('\r\n')}\r\n`);
    const run = await cli(['--cases', p, '--json']);
    expect(run.code).toBe(0);
    expect(run.json().intent.n).toBe(4);
  });

  it('leaves out the part no case asked for', async () => {
    const onlySigs = await cli(['--cases', file('sigs.jsonl', SIGS), '--json']);
    expect(Object.keys(onlySigs.json())).toEqual(['sig', 'latency_ms']);
    expect(onlySigs.json().sig.top1).toBe(1);
    const onlyIntents = await cli(['--cases', file('intents.jsonl', INTENTS), '--json']);
    expect(Object.keys(onlyIntents.json())).toEqual(['intent', 'latency_ms']);
  });

  it('reports a malformed line with its number, evaluates the rest, and exits 1', async () => {
    const broken = file('broken.jsonl', [
      INTENTS[0]!,
      '{"text": "oops", "intent": ',
      '',
      '{"text": "no label"}',
      '{"text": "x", "intent": "dance"}',
      SIGS[0]!,
    ]);
    const run = await cli(['--cases', broken, '--json']);
    expect(run.code).toBe(1);
    expect(run.err).toEqual([
      expect.stringMatching(/broken\.jsonl:2: invalid JSON/),
      expect.stringMatching(/broken\.jsonl:4: expected an "intent" or a "sig" field/),
      expect.stringMatching(/broken\.jsonl:5: "intent" must be one of/),
    ]);
    expect(run.json().intent.n).toBe(1);
    expect(run.json().sig.n).toBe(1);
  });

  it('uses a Kubernetes-format sigs.yaml as the catalogue with --sigs', async () => {
    const cases = file('imported.jsonl', ['{"text": "the imported only group", "sig": "sig-imported-only"}']);
    expect((await cli(['--cases', cases, '--json'])).json().sig.top1).toBe(0);
    expect(
      (await cli(['--cases', cases, '--sigs', 'tests/fixtures/kubernetes-sigs.yaml', '--json'])).json().sig.top1,
    ).toBe(1);
  });

  it('explains what is wrong with its arguments', async () => {
    expect((await cli([])).code).toBe(2);
    expect((await cli([])).err.join('\n')).toContain('--cases FILE is required');
    expect((await cli(['--cases', path.join(dir, 'missing.jsonl')])).err.join('\n')).toContain(
      'cannot read the file (ENOENT)',
    );
    expect((await cli(['--cases', file('empty.jsonl', [''])])).err.join('\n')).toContain('no usable case');
    expect((await cli(['--cases', file('ok.jsonl', SIGS), '--sigs', path.join(dir, 'nope.yaml')])).code).toBe(1);
  });
});

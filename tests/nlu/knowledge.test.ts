// CONTENT_DIR/nlu/ is what understanding knows: a community's files are used, and a bad one is refused with one line.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import { createNlu } from '../../src/nlu/index.js';
import { cliRun } from '../helpers/cli.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'onramp-nlu-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
/** A copy of the bundled content with one nlu/ file written over (or added). */
function community(file: string, text: string): string {
  const dir = path.join(root, `c${++n}`);
  cpSync('content', dir, { recursive: true });
  writeFileSync(path.join(dir, 'nlu', file), text);
  return dir;
}

async function checkConfig(dir: string) {
  return cliRun(['check-config'], { CONTENT_DIR: dir });
}

describe('a community nlu/ folder', () => {
  it('is used: its own other names of a group are recognised', async () => {
    const dir = community('group-aliases.yaml', 'sig-storage: [gizmo vaults]\n');
    const nlu = createNlu(await loadContent({ dir }));
    expect(nlu.understand('I want to help with gizmo vaults').entities.sigs).toContain('sig-storage');
    // The bundled aliases are the community's no more: its file replaced them.
    expect(createNlu(await loadContent({ dir: 'content' })).understand('I want to help with gizmo vaults').entities.sigs).not.toContain('sig-storage');
  });

  it('refuses an unknown key with one line naming the file and the key', async () => {
    const vocabulary = readFileSync('content/nlu/vocabulary.yaml', 'utf8');
    const dir = community('vocabulary.yaml', `${vocabulary}generic_wrods: [x]\n`);
    const r = await checkConfig(dir);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([`${path.join(dir, 'nlu', 'vocabulary.yaml')}: (top level): unknown key "generic_wrods"`]);
  });

  it('refuses malformed YAML, a pattern that does not compile, and a list where words were expected', async () => {
    const broken = await checkConfig(community('group-aliases.yaml', 'sig-storage: [unclosed\n'));
    expect(broken.code).toBe(1);
    expect(broken.err).toHaveLength(1);
    expect(broken.err[0]).toMatch(/nlu\/group-aliases\.yaml:\d+:\d+ invalid YAML/);
    const cue = await checkConfig(community('cues.yaml', 'cues:\n  asks: "(?:unclosed"\n'));
    expect(cue.code).toBe(1);
    expect(cue.err).toHaveLength(1);
    expect(cue.err[0]).toMatch(/nlu\/cues\.yaml: cues\.asks: Invalid regular expression/);
    const alias = await checkConfig(community('group-aliases.yaml', 'sig-storage: volumes\n'));
    expect(alias.code).toBe(1);
    expect(alias.err[0]).toMatch(/nlu\/group-aliases\.yaml: sig-storage: /);
  });

  it('refuses an example under an unknown intent, and an unknown file, naming the file', async () => {
    const examples = await checkConfig(community('intents.en.txt', '[claim_issue]\ncan I take this?\n[dance]\nhi\n'));
    expect(examples.code).toBe(1);
    expect(examples.err).toEqual([expect.stringMatching(/nlu\/intents\.en\.txt: line 3: unknown intent \[dance\]$/)]);
    const stray = await checkConfig(community('cues.yml', 'cues: {}\n'));
    expect(stray.code).toBe(1);
    expect(stray.err[0]).toMatch(/nlu\/cues\.yml: unknown file in nlu\//);
  });

  it('the bundled content/nlu/ passes', async () => {
    expect((await checkConfig('content')).code).toBe(0);
  });
});

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
    expect(
      createNlu(await loadContent({ dir: 'content' })).understand('I want to help with gizmo vaults').entities.sigs,
    ).not.toContain('sig-storage');
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

  it('refuses examples, fillers or a language entry in a language the content has no locale for, one line each', async () => {
    const examples = await checkConfig(community('intents.es.txt', '[find_issues]\n¿hay issues fáciles?\n'));
    expect(examples.code).toBe(1);
    expect(examples.err).toEqual([
      expect.stringMatching(
        /nlu\/intents\.es\.txt: examples in "es", a language the content has no locales\/es\.json for$/,
      ),
    ]);
    const misnamed = await checkConfig(community('intents.spanish.txt', '[other]\nhola\n'));
    expect(misnamed.err).toEqual([expect.stringMatching(/nlu\/intents\.spanish\.txt: expected intents\.<lang>\.txt/)]);
    const fillers = await checkConfig(community('fillers.txt', '[before.de]\nHallo,\n'));
    expect(fillers.err).toEqual([
      expect.stringMatching(
        /nlu\/fillers\.txt: line 1: \[before\.de\]: a language the content has no locales\/de\.json for$/,
      ),
    ]);
    const languages = await checkConfig(
      community('languages.yaml', 'fr:\n  marks: [{ pattern: "[", weight: 1, max: 2 }]\n'),
    );
    expect(languages.err).toEqual([
      expect.stringMatching(
        /nlu\/languages\.yaml: fr\.marks\.0\.pattern: expected a regular expression that compiles$/,
      ),
    ]);
  });

  it('keeps the bundled examples of the languages a community leaves out, and learns the one it adds', async () => {
    const fernwood = await loadContent({ dir: 'tests/fixtures/fernwood' });
    const langs = new Set(fernwood.nlu!.examples.map((e) => e.lang));
    // English comes bundled, Spanish is Fernwood's own; French, which Fernwood does not speak, is not learned.
    expect([...langs].sort()).toEqual(['en', 'es']);
    expect(Object.keys(fernwood.nlu!.fillers.before).sort()).toEqual(['en', 'es']);
    const nlu = createNlu(fernwood);
    expect(nlu.understand('¿cómo puedo contribuir?').intent).toBe('contribute_howto');
    expect(nlu.understand('how do I contribute?').intent).toBe('contribute_howto');
  });

  it('the bundled content/nlu/ passes', async () => {
    expect((await checkConfig('content')).code).toBe(0);
  });
});

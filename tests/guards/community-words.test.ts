// Guards that no community's vocabulary (Kubernetes's first of all) is written into code: it belongs in content/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** A word of one community, as code would spell it in a string or a name. */
const WORDS = /\bkubernetes\b|kubernetes|\bk8s\b|\bprow\b|\bkeps?\b|\bsig-[a-z0-9]/i;

/** No file is exempt: the NLU's vocabulary lives in content/nlu/ like every other community fact. */
const PENDING = new Set<string>();

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

/** The code without its comments and without module paths (a file may be named sig-map.ts). */
function codeOf(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1')
    .replace(/^\s*(import|export)\b[^;]*\bfrom\s+['"][^'"]+['"];?/gm, ' ')
    .replace(/\bimport\(\s*['"][^'"]+['"]\s*\)/g, ' ')
    .replace(/new URL\(\s*['"][^'"]+['"]/g, ' ');
}

describe('community words in code', () => {
  it('finds the words it is meant to find, and not in comments or module paths', () => {
    expect(WORDS.test(codeOf("const x = 'prow';"))).toBe(true);
    expect(WORDS.test(codeOf('const org = `kubernetes-sigs`;'))).toBe(true);
    expect(WORDS.test(codeOf("const id = 'sig-network';"))).toBe(true);
    expect(WORDS.test(codeOf('// Kubernetes calls these SIGs\n/** the k8s way */ const x = 1;'))).toBe(false);
    expect(WORDS.test(codeOf("import { createSigMap } from './sig-map.js';"))).toBe(false);
  });

  it('appear nowhere in src/ or adapters/ outside comments', () => {
    const found = [...files('src'), ...files('adapters')]
      .filter((f) => !PENDING.has(f.split(path.sep).join('/')))
      .flatMap((f) =>
        codeOf(readFileSync(f, 'utf8'))
          .split('\n')
          .filter((line) => WORDS.test(line))
          .map((line) => `${f}: ${line.trim().slice(0, 120)}`),
      );
    expect(found).toEqual([]);
  });
});

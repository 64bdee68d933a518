// Every TypeScript file (product, tests, benches, top-level config) opens with a `// ` line saying what it is for.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['src', 'adapters', 'tests', 'bench'];

function tsFiles(): string[] {
  const nested = ROOTS.flatMap((root) =>
    readdirSync(root, { recursive: true, encoding: 'utf8' }).map((name) => path.join(root, name)),
  );
  const topLevel = readdirSync('.').filter((name) => name.endsWith('.ts'));
  return [...nested, ...topLevel].filter((file) => file.endsWith('.ts') && !file.includes('node_modules'));
}

/** A comment marker followed by words: `//` alone, `//x` or a blank comment says nothing. */
const opensWithPurpose = (source: string): boolean => /^\/\/ \S[^\n]*\S/.test(source);

describe('opening lines', () => {
  it('accepts a line of words and refuses code, a bare marker, a blank comment or a block comment', () => {
    expect(opensWithPurpose('// Renders a digest for Slack.\nimport x from "y";')).toBe(true);
    expect(opensWithPurpose("import { it } from 'vitest';\n")).toBe(false);
    expect(opensWithPurpose('//\n')).toBe(false);
    expect(opensWithPurpose('//no space\n')).toBe(false);
    expect(opensWithPurpose('//  \n')).toBe(false);
    expect(opensWithPurpose('/** Docs. */\n')).toBe(false);
    expect(opensWithPurpose('\n// late\n')).toBe(false);
  });

  it('finds the files of every folder it guards', () => {
    const files = tsFiles();
    for (const root of ROOTS) expect(files.some((f) => f.startsWith(`${root}${path.sep}`))).toBe(true);
    expect(files).toContain('vitest.config.ts');
  });

  it('opens every .ts file under src, adapters, tests and bench with a line saying what it is for', () => {
    const missing = tsFiles().filter((file) => !opensWithPurpose(readFileSync(file, 'utf8')));
    expect(missing).toEqual([]);
  });
});

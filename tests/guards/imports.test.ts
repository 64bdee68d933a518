// Import boundaries: each SDK in its layer, adapters into src/ only through core, source files open with a line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

function imports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  return [...src.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)].map((m) => m[1] ?? m[2]!);
}

const resolve = (file: string, spec: string) => (spec.startsWith('.') ? path.normalize(path.join(path.dirname(file), spec)) : spec);

/** Which files may import a module, by module prefix. */
const OWNERS: [RegExp, (file: string) => boolean][] = [
  [/^@slack\//, (f) => f.startsWith('adapters/slack/')],
  [/^discord\.js$|^@discordjs\//, (f) => f.startsWith('adapters/discord/')],
  [/^@octokit\//, (f) => f.startsWith('src/github/')],
  [/^kysely$|^pg$|^better-sqlite3$/, (f) => f.startsWith('src/store/')],
  [/^node-cron$/, (f) => f === 'src/jobs/schedule.ts'],
  [/^adapters\//, (f) => f === 'src/main.ts' || f === 'src/platforms.ts' || f.startsWith('src/cli/') || f.startsWith('adapters/')],
];

describe('import boundaries', () => {
  const all = [...files('src'), ...files('adapters')];

  it('keeps each SDK and library inside its own layer', () => {
    const broken: string[] = [];
    for (const file of all) {
      for (const spec of imports(file)) {
        const target = resolve(file, spec);
        for (const [pattern, allowed] of OWNERS) if (pattern.test(target) && !allowed(file)) broken.push(`${file} imports ${spec}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('lets adapters reach into src/ only through src/core', () => {
    const broken: string[] = [];
    for (const file of files('adapters')) {
      for (const spec of imports(file)) {
        const target = resolve(file, spec);
        if (target.startsWith('src/') && !target.startsWith('src/core/')) broken.push(`${file} imports ${spec}`);
        const otherAdapter = /^adapters\/([^/]+)\//.exec(target)?.[1];
        if (otherAdapter && otherAdapter !== file.split('/')[1]) broken.push(`${file} imports another adapter: ${spec}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('keeps jobs, digests and GitHub code free of chat capabilities (they share src/views and src/content instead)', () => {
    const broken: string[] = [];
    for (const file of files('src').filter((f) => /^src\/(jobs|digest|github|store|nlu|content|views|core)\//.test(f))) {
      for (const spec of imports(file)) if (resolve(file, spec).startsWith('src/capabilities/')) broken.push(`${file} imports ${spec}`);
    }
    expect(broken).toEqual([]);
  });

  it('opens every source file with a line saying what it is for', () => {
    const missing = all.filter((f) => !/^\/\/ \S/.test(readFileSync(f, 'utf8')));
    expect(missing).toEqual([]);
  });
});

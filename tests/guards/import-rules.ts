// The import rules as a pure function over a map of files, so the guard can be shown to fail on fixtures.
import path from 'node:path';

export interface Import {
  spec: string;
  typeOnly: boolean;
}

const IMPORT =
  /^\s*(import|export)(\s+type)?\b[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

export function importsOf(source: string): Import[] {
  return [...source.matchAll(IMPORT)].map((m) => ({ spec: (m[3] ?? m[4] ?? m[5])!, typeOnly: Boolean(m[2]) }));
}

/** A relative import as the source path from the repository root (`.js` → `.ts`); a package name stays as it is. */
export const resolveImport = (file: string, spec: string) =>
  spec.startsWith('.')
    ? path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.js$/, '.ts')
    : spec;

/** Which files may import a package or a layer, by target. */
const OWNERS: [RegExp, string, (file: string) => boolean][] = [
  [/^@slack\//, 'adapters/slack', (f) => f.startsWith('adapters/slack/')],
  [/^discord\.js$|^@discordjs\//, 'adapters/discord', (f) => f.startsWith('adapters/discord/')],
  [/^@octokit\//, 'src/github', (f) => f.startsWith('src/github/')],
  [/^kysely$|^pg$|^better-sqlite3$/, 'src/store', (f) => f.startsWith('src/store/')],
  [/^node-cron$/, 'src/jobs/schedule.ts', (f) => f === 'src/jobs/schedule.ts'],
  [/^prom-client$/, 'src/http', (f) => f.startsWith('src/http/')],
];

/**
 * THE rule for adapters/: only composition roots import them — src/main.ts, the CLI (src/cli/), and
 * src/platforms.ts, the one module that builds adapters from a configuration. An adapter imports only
 * its own files (and src/core).
 */
export const isCompositionRoot = (file: string) =>
  file === 'src/main.ts' || file === 'src/platforms.ts' || file.startsWith('src/cli/');

/** claim, claim-take and claim-release are one family; issue-* belong with issues. */
const familyOf = (file: string) => path.posix.basename(file, '.ts').split('-')[0]!.replace(/s$/, '');

/** What a capability file may not import: the store, GitHub's internals, the wiring, another capability. */
function capabilityRule(file: string, target: string, typeOnly: boolean): string | undefined {
  if (target.startsWith('src/store/'))
    return file === 'src/capabilities/ports.ts' && typeOnly
      ? undefined
      : 'the store (declare a port in src/capabilities/ports.ts)';
  if (target.startsWith('src/github/') && target !== 'src/github/ports.ts')
    return "GitHub's internals (only src/github/ports.ts)";
  if (target.startsWith('src/wiring/')) return 'the wiring';
  if (target.startsWith('src/jobs/'))
    return file === 'src/capabilities/ports.ts' && typeOnly
      ? undefined
      : 'a job (share ids and views through src/views)';
  if (!target.startsWith('src/capabilities/') || file === 'src/capabilities/index.ts') return undefined;
  const shared = (f: string) => f.startsWith('src/capabilities/shared/') || f === 'src/capabilities/ports.ts';
  if (shared(target)) return undefined;
  if (!shared(file) && path.posix.dirname(file) === 'src/capabilities' && familyOf(file) === familyOf(target))
    return undefined;
  return 'another capability (share through src/capabilities/shared, src/views or a port)';
}

/** Every broken rule, as `file imports spec: why`; empty when the files keep the layers apart. */
export function checkImports(files: Record<string, string>): string[] {
  const broken: string[] = [];
  for (const [file, source] of Object.entries(files)) {
    for (const { spec, typeOnly } of importsOf(source)) {
      const target = resolveImport(file, spec);
      const fail = (why: string) => broken.push(`${file} imports ${spec}: ${why}`);
      for (const [pattern, owner, allowed] of OWNERS)
        if (pattern.test(target) && !allowed(file)) fail(`only ${owner} may`);
      if (target.startsWith('adapters/')) {
        const mine = /^adapters\/([^/]+)\//.exec(file)?.[1];
        const theirs = /^adapters\/([^/]+)\//.exec(target)?.[1];
        if (mine ? mine !== theirs : !isCompositionRoot(file)) fail('only composition roots import adapters/');
      }
      if (file.startsWith('adapters/') && target.startsWith('src/') && !target.startsWith('src/core/'))
        fail('adapters reach src/ only through src/core');
      if (file.startsWith('src/core/') && !target.startsWith('src/core/'))
        fail('src/core is a leaf: it imports only src/core (types too)');
      if (file.startsWith('src/capabilities/')) {
        const why = capabilityRule(file, target, typeOnly);
        if (why) fail(why);
      }
      if (
        /^src\/(jobs|digest|github|store|nlu|content|views|core)\//.test(file) &&
        target.startsWith('src/capabilities/')
      )
        fail('jobs, digests and GitHub code share src/views and src/content, never a capability');
    }
  }
  return broken;
}

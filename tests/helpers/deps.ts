// Builds Deps for tests from the real bundled content, with in-memory or real stores.
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/schema.js';
import { loadContent } from '../../src/content/load.js';
import type { Content } from '../../src/content/types.js';
import type { Deps } from '../../src/wiring/deps.js';
import { createTranslator } from '../../src/core/i18n.js';
import { createOfflineGithub } from '../fakes/offline-github.js';
import type { GithubPort, IssueIndex } from '../../src/github/ports.js';
import { createNlu } from '../../src/nlu/index.js';
import { createLogger } from '../../src/log.js';
import type { Store } from '../../src/store/store.js';
import { createMemoryStore } from '../fakes/memory-store.js';

let cached: Promise<Content> | undefined;
/** The repository's own content/, loaded once per test file. */
export function realContent(): Promise<Content> {
  cached ??= loadContent({ dir: 'content' });
  return cached;
}

export function testConfig(env: Record<string, string> = {}): Config {
  const result = loadConfig({ DATABASE_URL: 'sqlite::memory:', ...env });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.config;
}

/** A logger whose lines are kept, so tests can assert what was (and was not) logged. */
export function memoryLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      cb();
    },
  });
  return { log: createLogger('debug', stream), lines };
}

export interface TestDepsOptions {
  store?: Store;
  content?: Content;
  env?: Record<string, string>;
  now?: () => Date;
  /** Defaults: an index over the store (seed it with store.issues.saveQuery) and a GitHub that cannot be reached. */
  issues?: IssueIndex;
  github?: GithubPort;
}

export async function testDeps(options: TestDepsOptions = {}): Promise<Deps & { logLines: Record<string, unknown>[] }> {
  const content = options.content ?? (await realContent());
  const { log, lines } = memoryLogger();
  const store = options.store ?? createMemoryStore();
  const now = options.now ?? (() => new Date('2026-11-27T10:00:00Z'));
  const offline = createOfflineGithub(store, log, now);
  return {
    config: testConfig(options.env),
    content,
    translator: createTranslator(
      content.locales,
      content.community.commands ? { communityCommands: content.community.commands } : {},
    ),
    nlu: createNlu(content),
    store,
    issues: options.issues ?? offline.issues,
    github: options.github ?? offline.github,
    log,
    now,
    logLines: lines,
  };
}

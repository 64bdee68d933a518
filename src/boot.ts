// Builds everything the bot and the CLI share from an env object: config, content, store, understanding.
import path from 'node:path';
import { capabilities } from './capabilities/index.js';
import { loadConfig } from './config/load.js';
import type { Config } from './config/schema.js';
import { ContentError, loadContent } from './content/load.js';
import type { Deps } from './wiring/deps.js';
import { createTranslator } from './core/i18n.js';
import type { Metrics } from './metrics/port.js';
import { createGithub, type GithubSide } from './github/create.js';
import type { IssueSource } from './github/ports.js';
import { createLogger, type Logger } from './log.js';
import { createNlu } from './nlu/index.js';
import { openDatabase, type Database } from './store/database.js';
import { createStore } from './store/store.js';
import { commandNameProblems } from './wiring/command-names.js';

/** A start-up problem the operator can fix; `problems` are one line each, ready to print. */
export class BootError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'BootError';
  }
}

export interface Booted {
  deps: Deps;
  database: Database;
  /** The issue index's refresh, for the scheduled job and the CLI. */
  githubSide: GithubSide;
  close(): Promise<void>;
}

export interface BootOptions {
  /** Where logs go: 2 (stderr) when stdout carries a transcript or command output. */
  logFd?: 1 | 2;
  logLevel?: string;
  now?: () => Date;
  /** Overrides ISSUES_SOURCE (the CLI's `issues refresh` always means GitHub). */
  issueSource?: IssueSource;
  /** Where GitHub's client counts its requests and rate-limit budget (the service's /metrics). */
  metrics?: Metrics;
}

export function readConfig(env: Record<string, string | undefined>): Config {
  const result = loadConfig(env);
  if (!result.ok) throw new BootError(result.problems);
  return result.config;
}

export async function boot(env: Record<string, string | undefined>, options: BootOptions = {}): Promise<Booted> {
  const config = readConfig(env);
  const log: Logger = createLogger(options.logLevel ?? config.LOG_LEVEL, options.logFd ?? 1);
  let content;
  try {
    content = await loadContent({ dir: config.CONTENT_DIR, sigsFile: config.SIGS_FILE });
  } catch (err) {
    if (err instanceof ContentError) throw new BootError(err.problems);
    throw err;
  }
  const renames = commandNameProblems(
    content.community.commands,
    capabilities,
    path.join(config.CONTENT_DIR, 'community.yaml'),
  );
  if (renames.length > 0) throw new BootError(renames);
  let database: Database;
  try {
    database = await openDatabase(config.DATABASE_URL);
  } catch (err) {
    throw new BootError([`DATABASE_URL: cannot open the database: ${(err as Error).message}`]);
  }
  const store = createStore(database);
  const now = options.now ?? (() => new Date());
  let githubSide: GithubSide;
  try {
    githubSide = await createGithub({
      config,
      content,
      store,
      log,
      now,
      ...(options.issueSource ? { source: options.issueSource } : {}),
      ...(options.metrics ? { http: { metrics: options.metrics } } : {}),
    });
  } catch (err) {
    await database.close();
    throw new BootError([`CONTENT_DIR: ${(err as Error).message}`]);
  }
  if (githubSide.source === 'github' && !config.GITHUB_TOKEN)
    log.warn(
      'GITHUB_TOKEN is not set: GitHub allows 10 searches a minute and 60 requests an hour without one, so issue refreshes are slower',
    );
  const deps: Deps = {
    config,
    content,
    translator: createTranslator(content.locales, {
      ...(config.SLACK_COMMAND_NAMES ? { commandNames: { slack: config.SLACK_COMMAND_NAMES } } : {}),
      ...(content.community.commands ? { communityCommands: content.community.commands } : {}),
    }),
    nlu: createNlu(content),
    store,
    issues: githubSide.issues,
    github: githubSide.github,
    log,
    now,
  };
  return { deps, database, githubSide, close: () => database.close() };
}

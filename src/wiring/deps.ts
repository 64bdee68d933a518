// The long-lived services boot builds once (config, content, understanding, store, GitHub, log, clock), from which the wiring cuts ports.
import type { Config } from '../config/schema.js';
import type { Content } from '../content/types.js';
import type { Translator } from '../core/i18n.js';
import type { GithubPort, IssueIndex } from '../github/ports.js';
import type { Logger } from '../log.js';
import type { Outbox } from '../core/types.js';
import type { Nlu } from '../nlu/types.js';
import type { Store } from '../store/store.js';

/** Everything shared by every event and job; no capability sees it whole (src/wiring/ports.ts cuts it). */
export interface Deps {
  config: Config;
  content: Content;
  translator: Translator;
  nlu: Nlu;
  store: Store;
  /** The cached index of claimable issues (chat reads it; it never waits on GitHub). */
  issues: IssueIndex;
  /** Live GitHub checks (a claim) behind a port: never Octokit types. */
  github: GithubPort;
  log: Logger;
  now: () => Date;
  /** The platforms' posting halves, when this process has them: chat answers that reach someone else (a mentor). */
  outboxes?: readonly Outbox[];
}

// What a capability is, and the context (ports, never SDKs) it runs with.
import type { Config } from '../config/schema.js';
import type { Content } from '../content/types.js';
import type { GithubPort, IssueIndex } from '../github/ports.js';
import type { Logger } from '../log.js';
import type { Intent, Nlu, Understanding } from '../nlu/types.js';
import type { Store } from '../store/store.js';
import type { UserKey } from '../store/users.js';
import type { Where } from './command-names.js';
import type { Translate, Translator } from './i18n.js';
import type { Block, InboundEvent, Locale, Reply } from './types.js';

/** Long-lived parts shared by every event. */
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
}

/** Deps plus what belongs to this one event: who, in which language. */
export interface Ctx extends Deps {
  event: InboundEvent;
  user: UserKey;
  locale: Locale;
  t: Translate;
  /** Where the answer is read (platform, client locale): for naming commands in texts `t` does not translate. */
  where: Where;
  /** Which capabilities are present, so one can offer another's button only when it exists. */
  capabilityIds: ReadonlySet<string>;
}

export interface CapabilityInput {
  /** Command arguments, or the message text. Empty for actions and joins. */
  text: string;
  /** Present for free-text messages (and commands with text). */
  understanding?: Understanding;
  /** Present when a select or button this capability sent was used. */
  action?: { id: string; value: string };
}

export interface CommandOption {
  name: string;
  required?: boolean;
  /** Offer SIG names as the person types (Discord autocomplete). */
  autocomplete?: 'sigs';
}

export interface Capability {
  /** Also the slash-command (or subcommand) name. */
  id: string;
  /** Syntax shown by help, e.g. `/sig [interests | sig-id]`; descriptions live in locales as `help.<id>`. */
  usage: string;
  /** Options of the slash command, in order; `false` when the capability is not a command. */
  command: CommandOption[] | false;
  /** Understood intents it answers when someone writes instead of using a command. */
  intents?: Intent[];
  /** Ids (before any `:`) of the selects and buttons it owns. */
  actions?: string[];
  /**
   * Takes a message addressed to the bot whatever intent it was given, before intent routing: for
   * requests outside the intent set that still belong here (claim: "I give up on #123").
   */
  recognizes?(text: string, understanding: Understanding): boolean;
  /** Answers someone joining a watched channel. */
  onJoin?: boolean;
  /** Builds a person's home (Slack App Home) from every capability's `homeSection`. */
  onHome?: boolean;
  /**
   * This capability's part of a person's home: what they follow, claim or receive, with its buttons.
   * Sections appear in registry order; an empty list leaves the capability out.
   */
  homeSection?(ctx: Ctx): Promise<Block[]>;
  run(input: CapabilityInput, ctx: Ctx): Promise<Reply | null>;
}

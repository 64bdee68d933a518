// What a capability is, the narrow ports it declares, and the context it runs with.
import type { Where } from './command-names.js';
import type { Translate, Translator } from './i18n.js';
import type { Clock, Intent, Log, Understanding, UserKey } from './ports.js';
import type { Block, InboundEvent, Locale, Reply } from './types.js';

/** What belongs to one event: who, where, in which language, and what the core understood. */
export interface EventCtx {
  event: InboundEvent;
  user: UserKey;
  locale: Locale;
  t: Translate;
  /** The catalogues, for a sentence in another locale (a language switch) or a key that may be missing. */
  translator: Translator;
  /** Where the answer is read (platform, client locale): for naming commands in texts `t` does not translate. */
  where: Where;
  /** Present for free-text messages and commands with text: capabilities never ask understanding again. */
  understanding?: Understanding;
  /** Which capabilities are present, so one can offer another's button only when it exists. */
  capabilityIds: ReadonlySet<string>;
  now: Clock;
  log: Log;
}

/** The event's context plus the ports `P` the capability declared, and nothing else. */
export type Ctx<P = unknown> = EventCtx & P;

export interface CapabilityInput {
  /** Command arguments, or the message text. Empty for actions and joins. */
  text: string;
  /** Present when a select or button this capability sent was used. */
  action?: { id: string; value: string };
}

export interface CommandOption {
  name: string;
  required?: boolean;
  /** Offer SIG names as the person types (Discord autocomplete). */
  autocomplete?: 'sigs';
}

/** Events that are not words: someone joined a watched channel, or opened their home. */
export type Route = 'joined' | 'home';

/** What routing, help and command definitions read: a capability without its behaviour. */
export interface CapabilityInfo {
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
  routes?: Route[];
  /**
   * Takes a message addressed to the bot whatever intent it was given, before intent routing: for
   * requests outside the intent set that still belong here (claim: "I give up on #123").
   */
  recognizes?(text: string, understanding: Understanding): boolean;
}

export interface Capability<P = unknown> extends CapabilityInfo {
  /**
   * This capability's part of a person's home: what they follow, claim or receive, with its buttons.
   * Sections appear in registry order; an empty list leaves the capability out.
   */
  homeSection?(ctx: Ctx<P>): Promise<Block[]>;
  run(input: CapabilityInput, ctx: Ctx<P>): Promise<Reply | null>;
}

/** A capability with its ports bound (by src/wiring): all the core needs to run it. */
export interface Wired extends CapabilityInfo {
  homeSection?(ctx: EventCtx): Promise<Block[]>;
  run(input: CapabilityInput, ctx: EventCtx): Promise<Reply | null>;
}

export function wire<P>(capability: Capability<P>, ports: P): Wired {
  const { homeSection, run, ...info } = capability;
  return {
    ...info,
    run: (input, ctx) => run.call(capability, input, { ...ctx, ...(ports as object) } as Ctx<P>),
    ...(homeSection
      ? { homeSection: (ctx: EventCtx) => homeSection.call(capability, { ...ctx, ...(ports as object) } as Ctx<P>) }
      : {}),
  };
}

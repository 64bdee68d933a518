// The core: turns an inbound event into replies — routing, language, and the error boundary.
import type { CapabilityInput, EventCtx, Wired } from './capability.js';
import { whereOf } from './command-names.js';
import { isUserError } from './errors.js';
import { toLocale, type Translator } from './i18n.js';
import { text } from './blocks.js';
import type { Clock, Intent, Log, NoteContact, PeopleLocales, Understand, Understanding, Watched } from './ports.js';
import type { Dispatch, DispatchOptions, InboundEvent, Locale, Reply } from './types.js';

/** Below this, a message addressed to the bot is treated as a question for the FAQ and its honest fallback. */
export const ADDRESSED_CONFIDENCE = 0.5;
/** The button of a choice when unsure: its value carries the chosen intent and the person's words. */
export const CHOOSE_ACTION = 'choose.path';
/** Below this, the detected language of a message does not override other signals. */
const LANGUAGE_CONFIDENCE = 0.6;

/** The ports the core itself runs on; src/wiring builds them from the configuration, content and store. */
export interface CoreDeps {
  translator: Translator;
  understand: Understand;
  people: PeopleLocales;
  /** Where a plain channel message may get an answer (the newcomer channels). */
  watched: Watched;
  defaultLocale: Locale;
  log: Log;
  now: Clock;
  /** The funnel's first contact: someone the bot answered (a command, a message, a click). */
  noteContact?: NoteContact;
  /** The community's names for commands, by capability id (`{ sig: 'team' }`): `/team` runs sig. */
  commandNames?: Readonly<Record<string, string>>;
}

export interface Bot {
  dispatch: Dispatch;
  capabilities: readonly Wired[];
}

type Routed =
  | { capability: Wired; input: CapabilityInput; understanding?: Understanding }
  | { unknownCommand: string }
  | null;

/** The value of a choice button: which path, and the words it was offered for. */
export function choiceValue(intent: Intent, words: string): string {
  return JSON.stringify({ intent, text: words });
}

function parseChoice(value: string): { intent: Intent; text: string } | null {
  try {
    const v = JSON.parse(value) as { intent?: unknown; text?: unknown };
    return typeof v.intent === 'string' && typeof v.text === 'string'
      ? { intent: v.intent as Intent, text: v.text }
      : null;
  } catch {
    return null;
  }
}

export function createCore(deps: CoreDeps, capabilities: readonly Wired[]): Bot {
  const commands = capabilities.filter((c) => c.command !== false);
  // A renamed command answers to its new name; its id stays accepted (old habits, links), never advertised.
  const byCommand = new Map([
    ...commands.map((c) => [c.id, c] as const),
    ...commands.flatMap((c) => {
      const name = deps.commandNames?.[c.id];
      return name ? [[name, c] as const] : [];
    }),
  ]);
  const byAction = new Map(capabilities.flatMap((c) => (c.actions ?? []).map((a) => [a, c] as const)));
  const byIntent = new Map(capabilities.flatMap((c) => (c.intents ?? []).map((i) => [i, c] as const)));
  const recognizers = capabilities.filter((c) => c.recognizes);
  const onJoin = capabilities.find((c) => c.routes?.includes('joined'));
  const onHome = capabilities.find((c) => c.routes?.includes('home'));
  const capabilityIds = new Set(capabilities.map((c) => c.id));

  function route(event: InboundEvent, understanding: Understanding | undefined): Routed {
    switch (event.kind) {
      case 'command': {
        const capability = byCommand.get(event.name.toLowerCase());
        const args = event.args.trim();
        return capability ? { capability, input: { text: args } } : { unknownCommand: event.name };
      }
      case 'action': {
        if (event.actionId === CHOOSE_ACTION) return chosen(event.value);
        const capability = byAction.get(event.actionId.split(':')[0]!);
        return capability
          ? { capability, input: { text: '', action: { id: event.actionId, value: event.value } } }
          : null;
      }
      case 'joined':
        return onJoin ? { capability: onJoin, input: { text: '' } } : null;
      case 'home':
        return onHome ? { capability: onHome, input: { text: '' } } : null;
      case 'message': {
        if (!understanding) return null;
        const addressed = event.mentioned || event.origin.isDirect;
        if (!addressed) {
          const speaks = understanding.unprompted === true;
          if (!speaks || !deps.watched(event.origin)) return null;
        }
        const sure = understanding.confidence >= ADDRESSED_CONFIDENCE;
        // Unsure between paths, a person who asked gets one question with the likely paths as buttons, not a guess.
        const choosing =
          addressed && understanding.unsure && understanding.alternatives?.length
            ? byAction.get(CHOOSE_ACTION)
            : undefined;
        const owner =
          recognizers.find((c) => c.recognizes!(event.text, understanding)) ??
          choosing ??
          (sure ? byIntent.get(understanding.intent) : undefined);
        // In a channel only the capability that owns the request speaks; the FAQ fallback is for people who asked the bot.
        const capability = owner ?? (addressed ? byIntent.get('other') : undefined);
        return capability ? { capability, input: { text: event.text } } : null;
      }
    }
  }

  /** A click on a path of a choice: the words it was offered for, routed as if that intent had been understood. */
  function chosen(value: string): Routed {
    const choice = parseChoice(value);
    const capability = choice && byIntent.get(choice.intent);
    if (!choice || !capability) return null;
    const understood = deps.understand(choice.text || ' ');
    const understanding: Understanding = { ...understood, intent: choice.intent, confidence: 1, unsure: false };
    return { capability, input: { text: choice.text }, understanding };
  }

  /** The person's choice, then what they just wrote, then what they last wrote, then the platform, then the default. */
  type Stored = Awaited<ReturnType<PeopleLocales['get']>>;
  function chooseLocale(event: InboundEvent, stored: Stored, understanding?: Understanding): Locale {
    if (stored?.locale) return stored.locale;
    if (understanding && understanding.langConfidence >= LANGUAGE_CONFIDENCE) return understanding.lang;
    return stored?.seenLocale ?? toLocale(event.origin.locale) ?? deps.defaultLocale;
  }

  async function dispatch(event: InboundEvent, options: DispatchOptions = {}): Promise<Reply[]> {
    const user = {
      platform: event.origin.platform,
      workspaceId: event.origin.workspaceId,
      userId: event.origin.userId,
    };
    let where = whereOf(event.origin);
    let locale: Locale = deps.defaultLocale;
    try {
      const said = event.kind === 'message' ? event.text : event.kind === 'command' ? event.args : '';
      const heard = said.trim() ? deps.understand(said) : undefined;
      const routed = route(event, heard);
      if (!routed) return []; // decided before any I/O: ignored channel chatter costs nothing
      const understanding = ('understanding' in routed ? routed.understanding : undefined) ?? heard;
      // A platform's retry of an event already answered stops here, before the store is read or written.
      if (options.firstDelivery && !(await options.firstDelivery())) return [];
      where = whereOf(event.origin); // the adapter may have completed the origin (the person's language)
      const stored = await deps.people.get(user);
      locale = chooseLocale(event, stored, understanding);
      // A click carries no words: remembering the language of the last clear message answers it in kind.
      if (
        understanding &&
        understanding.langConfidence >= LANGUAGE_CONFIDENCE &&
        stored?.seenLocale !== understanding.lang
      )
        await deps.people.noteSeenLocale(user, understanding.lang, deps.now());
      const t = deps.translator.bind(locale, where);
      if ('unknownCommand' in routed) {
        const known = deps.translator.nameCommands(commands.map((c) => `/${c.id}`).join(', '), where);
        return [
          {
            blocks: [text(t('errors.unknown_command', { name: routed.unknownCommand, known }))],
            private: true,
            locale,
          },
        ];
      }
      const { translator, now, log } = deps;
      const ctx: EventCtx = {
        event,
        user,
        locale,
        t,
        translator,
        where,
        capabilityIds,
        now,
        log,
        ...(understanding ? { understanding } : {}),
      };
      if (event.kind === 'command' || event.kind === 'message' || event.kind === 'action')
        deps.noteContact?.(user, locale, now());
      const out = await routed.capability.run(routed.input, ctx);
      // Commands and clicks are answered to the person alone (Slack ephemeral, Discord ephemeral), so
      // nobody can make the bot post into a channel with a slash command; a message gets a public answer
      // only when its capability chose one. A capability may set the reply's locale (a language switch).
      return out ? [{ locale, ...out, ...(event.kind === 'message' ? {} : { private: true }) }] : [];
    } catch (err) {
      const t = deps.translator.bind(locale, where);
      if (isUserError(err)) return [{ blocks: [text(t(err.key, err.params))], private: true, locale }];
      deps.log.error({ err, eventId: event.id, kind: event.kind, platform: event.origin.platform }, 'event failed');
      return [{ blocks: [text(t('errors.internal', { ref: event.id.slice(0, 12) }))], private: true, locale }];
    }
  }

  return { dispatch, capabilities };
}

// The core: turns an inbound event into replies — routing, language, and the error boundary.
import type { Capability, CapabilityInput, Ctx, Deps } from './capability.js';
import { whereOf } from './command-names.js';
import { isUserError } from './errors.js';
import { toLocale } from './i18n.js';
import { text } from './blocks.js';
import type { Understanding } from '../nlu/types.js';
import type { UserRecord } from '../store/users.js';
import type { Dispatch, DispatchOptions, InboundEvent, Locale, Origin, Reply } from './types.js';

/**
 * Below this, a plain channel message is left alone: the bot must not chatter. On the labelled dev
 * messages, predictions at 0.8 or more were right about 9 times in 10 and almost never fired on chatter.
 */
export const CHANNEL_CONFIDENCE = 0.8;
/** Below this, a message addressed to the bot is treated as a question for the FAQ and its honest fallback. */
export const ADDRESSED_CONFIDENCE = 0.5;
/** Below this, the detected language of a message does not override other signals. */
const LANGUAGE_CONFIDENCE = 0.6;

export interface Bot {
  dispatch: Dispatch;
  capabilities: readonly Capability[];
}

type Route = { capability: Capability; input: CapabilityInput } | { unknownCommand: string } | null;

export function isNewcomerChannel(deps: Deps, origin: Origin): boolean {
  const list: string[] = (deps.content.community.channels.newcomer as Record<string, string[]>)[origin.platform] ?? [];
  return list.includes(origin.channelId) || (origin.channelName !== undefined && list.includes(origin.channelName));
}

export function createBot(deps: Deps, capabilities: readonly Capability[]): Bot {
  const byCommand = new Map(capabilities.filter((c) => c.command !== false).map((c) => [c.id, c]));
  const byAction = new Map(capabilities.flatMap((c) => (c.actions ?? []).map((a) => [a, c] as const)));
  const byIntent = new Map(capabilities.flatMap((c) => (c.intents ?? []).map((i) => [i, c] as const)));
  const recognizers = capabilities.filter((c) => c.recognizes);
  const onJoin = capabilities.find((c) => c.onJoin);
  const onHome = capabilities.find((c) => c.onHome);
  const capabilityIds = new Set(capabilities.map((c) => c.id));

  function route(event: InboundEvent, understanding: Understanding | undefined): Route {
    switch (event.kind) {
      case 'command': {
        const capability = byCommand.get(event.name.toLowerCase());
        const args = event.args.trim();
        return capability
          ? { capability, input: { text: args, ...(understanding ? { understanding } : {}) } }
          : { unknownCommand: event.name };
      }
      case 'action': {
        const capability = byAction.get(event.actionId.split(':')[0]!);
        return capability ? { capability, input: { text: '', action: { id: event.actionId, value: event.value } } } : null;
      }
      case 'joined':
        return onJoin ? { capability: onJoin, input: { text: '' } } : null;
      case 'home':
        return onHome ? { capability: onHome, input: { text: '' } } : null;
      case 'message': {
        if (!understanding) return null;
        const addressed = event.mentioned || event.origin.isDirect;
        if (!addressed) {
          const speaks = understanding.intent !== 'other' && understanding.confidence >= CHANNEL_CONFIDENCE;
          if (!speaks || !isNewcomerChannel(deps, event.origin)) return null;
        }
        const sure = understanding.confidence >= ADDRESSED_CONFIDENCE;
        const owner = recognizers.find((c) => c.recognizes!(event.text, understanding)) ?? (sure ? byIntent.get(understanding.intent) : undefined);
        // In a channel only the capability that owns the request speaks; the FAQ fallback is for people who asked the bot.
        const capability = owner ?? (addressed ? byIntent.get('other') : undefined);
        return capability ? { capability, input: { text: event.text, understanding } } : null;
      }
    }
  }

  /** The person's choice, then what they just wrote, then what they last wrote, then the platform, then the default. */
  function chooseLocale(event: InboundEvent, stored: UserRecord | null, understanding?: Understanding): Locale {
    if (stored?.locale) return stored.locale;
    if (understanding && understanding.langConfidence >= LANGUAGE_CONFIDENCE) return understanding.lang;
    return stored?.seenLocale ?? toLocale(event.origin.locale) ?? deps.config.DEFAULT_LOCALE;
  }

  async function dispatch(event: InboundEvent, options: DispatchOptions = {}): Promise<Reply[]> {
    const user = { platform: event.origin.platform, workspaceId: event.origin.workspaceId, userId: event.origin.userId };
    let where = whereOf(event.origin);
    let locale: Locale = deps.config.DEFAULT_LOCALE;
    try {
      const said = event.kind === 'message' ? event.text : event.kind === 'command' ? event.args : '';
      const understanding = said.trim() ? deps.nlu.understand(said) : undefined;
      const routed = route(event, understanding);
      if (!routed) return []; // decided before any I/O: ignored channel chatter costs nothing
      // A platform's retry of an event already answered is not answered again.
      if (options.firstDelivery && !(await options.firstDelivery())) return [];
      where = whereOf(event.origin); // the adapter may have completed the origin (the person's language)
      const stored = await deps.store.users.get(user);
      locale = chooseLocale(event, stored, understanding);
      // A click carries no words: remembering the language of the last clear message answers it in kind.
      if (understanding && understanding.langConfidence >= LANGUAGE_CONFIDENCE && stored?.seenLocale !== understanding.lang)
        await deps.store.users.noteSeenLocale(user, understanding.lang, deps.now());
      const t = deps.translator.bind(locale, where);
      if ('unknownCommand' in routed) {
        const known = deps.translator.nameCommands([...byCommand.keys()].map((c) => `/${c}`).join(', '), where);
        return [{ blocks: [text(t('errors.unknown_command', { name: routed.unknownCommand, known }))], private: true, locale }];
      }
      const ctx: Ctx = { ...deps, event, user, locale, t, where, capabilityIds };
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

// The platform contract: what adapters hand to the core and what the core hands back.

export type Platform = 'slack' | 'discord' | 'console' | 'test';
/** A language code such as `en`, `fr` or `es`: the languages spoken are those content/locales/ provides. */
export type Locale = string;
/** The languages onramp ships complete catalogues for; English is every other language's fallback. */
export const LOCALES: readonly Locale[] = ['en', 'fr'];

/** Who said something, where. Every row the store keeps is keyed by platform + workspace + user. */
export interface Origin {
  platform: Platform;
  workspaceId: string;
  channelId: string;
  /** Human channel name when the platform gives one; newcomer channels may be configured by name. */
  channelName?: string;
  threadId?: string;
  userId: string;
  userName: string;
  /** The locale the platform reports for this person (Discord's interaction.locale), if any. */
  locale?: string;
  isDirect: boolean;
}

export type InboundEvent =
  | { kind: 'command'; id: string; origin: Origin; name: string; args: string }
  | { kind: 'message'; id: string; origin: Origin; text: string; mentioned: boolean }
  | { kind: 'action'; id: string; origin: Origin; actionId: string; value: string }
  | { kind: 'joined'; id: string; origin: Origin }
  /** The person opened their home in the app (Slack's App Home): what they follow, claim and receive. */
  | { kind: 'home'; id: string; origin: Origin };

/**
 * The neutral block vocabulary. `text` and item `detail`s use the markup of ./markup.ts;
 * every other string is plain text that renderers escape for their platform.
 */
export type Block =
  | { type: 'text'; text: string }
  | { type: 'items'; items: LinkedItem[] }
  | { type: 'fields'; fields: Field[] }
  | { type: 'choice'; id: string; placeholder: string; options: ChoiceOption[] }
  | { type: 'buttons'; buttons: Button[] }
  | { type: 'divider' };

export interface LinkedItem {
  title: string;
  url?: string;
  /** One line under the title, in markup. */
  detail?: string;
  /** An optional button attached to this item (e.g. "I want to work on this"). */
  button?: Button;
}
export interface Field {
  label: string;
  value: string;
}
export interface ChoiceOption {
  label: string;
  value: string;
  description?: string;
}
export interface Button {
  id: string;
  label: string;
  value: string;
  style?: 'primary' | 'danger';
}

export interface Reply {
  blocks: Block[];
  /** Only the asker sees it (Slack ephemeral, Discord ephemeral, a DM where neither exists). */
  private?: boolean;
  /** The language the reply is written in (set by the core), so an adapter's own words match it. */
  locale?: Locale;
}

/**
 * `workspaceId` of a channel destination named in content rather than by id: "the workspace this
 * adapter serves" (the Slack team of its token, the Discord guild it is in). `channelId` then holds
 * the channel's name as content writes it, without `#` (`sig-network`); the adapter resolves the
 * name to its channel (a value that already is a channel id is used as is) and answers
 * `{ ok: false, error: 'channel_not_found' }` when no channel has that name.
 */
export const ANY_WORKSPACE = '*';

/** Where push work (digests, reminders) goes: a channel, or a person by direct message. */
export type Destination =
  | { platform: Platform; workspaceId: string; kind: 'channel'; channelId: string }
  | { platform: Platform; workspaceId: string; kind: 'user'; userId: string };

export type PostResult =
  | { ok: true; messageId?: string }
  /**
   * `uncertain`: the request may have reached the platform (the connection broke or timed out after it
   * was sent), so sending it again could post twice. Without it, nothing was posted.
   */
  | { ok: false; error: string; retryAfterMs?: number; uncertain?: true };

export interface DispatchOptions {
  /**
   * Called once the core has decided to answer, before any store read or write: false means a platform
   * retry of an event already answered, so nothing is answered again. Chatter the core ignores never calls it.
   * When it resolves true, the adapter may have completed `event.origin` (the person's name and language),
   * so a lookup is paid only for events that get an answer.
   */
  firstDelivery?: () => Promise<boolean>;
}

export type Dispatch = (event: InboundEvent, options?: DispatchOptions) => Promise<Reply[]>;

/** The receiving half of a platform: takes events from it and hands them to `dispatch`. */
export interface Inbox {
  readonly platform: Platform;
  start(dispatch: Dispatch): Promise<void>;
  stop(): Promise<void>;
  /** Connected and able to receive (gateway or socket up, HTTP listening): for readiness probes. */
  ready(): boolean;
}

/** A conversation the bot can post into, for several people at once (a mentor introduction). */
export interface UserRef {
  workspaceId: string;
  userId: string;
}

/** A conversation opened for several people: post into it as `{ kind: 'channel', channelId }`. */
export type OpenResult = { ok: true; channelId: string } | { ok: false; error: string };

/** The posting half of a platform: REST only (Slack Web API, Discord REST), no receiver or gateway. */
export interface Outbox {
  readonly platform: Platform;
  post(to: Destination, reply: Reply): Promise<PostResult>;
  /**
   * One private conversation of these people and the bot (Slack's group DM). `{ ok: false, error:
   * 'unsupported' }` where a bot cannot start one (Discord): the caller then writes to each person.
   */
  open(users: UserRef[]): Promise<OpenResult>;
}

// Bolt → core → Slack: every request is acknowledged first, then each surface becomes an event, the core
// answers, and the answer goes back where the question came from.
import type { App, RespondFn, webApi } from '@slack/bolt';
import type { Dispatch, DispatchOptions, InboundEvent } from '../../src/core/index.js';
import { deliver, publishHome, type Target } from './deliver.js';
import type { Directory } from './directory.js';
import {
  actionEvent,
  commandEvent,
  complete,
  homeEvent,
  joinedEvent,
  messageEvent,
  type ActionPayload,
  type CommandPayload,
  type MessagePayload,
} from './inbound.js';
import { errorField, type Log } from './log.js';
import type { Watched } from './watched.js';

export interface Wiring {
  dispatch: Dispatch;
  client: webApi.WebClient;
  directory: Directory;
  /** True when this Events API delivery was handled before (a Slack retry). */
  seen(eventId: string): Promise<boolean>;
  /** `/k8s-sig` → `sig`, for renamed commands. */
  commandNames: ReadonlyMap<string, string>;
  /** The newcomer channels: joins there are welcomed, and plain messages read. */
  watched: Watched;
  botUserId: string;
  log: Log;
  track<T>(work: Promise<T>): Promise<T>;
  /** Bounds the work under way and drops what can no longer meet `deadline` (epoch ms); runs it directly if absent. */
  admit?(deadline: number, work: () => Promise<unknown>): Promise<boolean>;
}

/** Commands and clicks: Slack shows the person an error after 3 s without a sign of life. */
export const ACK_BOUND_MS = 3000;
/** Events (mentions, DMs, joins): a reply a minute late is no longer an answer to anything. */
export const EVENT_MS = 60_000;

interface EventArgs {
  event: Record<string, unknown>;
  body: { event_id?: string; team_id?: string };
}

export function wire(app: App, w: Wiring): void {
  const { client, directory, log } = w;

  // Slack wants an answer within 3 s and Socket Mode acknowledges nothing by itself: commands and clicks
  // are acknowledged here, before any lookup or database work (Bolt acknowledges events on arrival).
  app.use(async (args) => {
    const ack = (args as { ack?: () => Promise<void> }).ack;
    const deadline = Date.now() + (ack ? ACK_BOUND_MS : EVENT_MS);
    await w.track(
      (async () => {
        if (ack) await ack();
        // Under load the acknowledgement above stays immediate; the work waits its turn, or is dropped.
        await (w.admit ? w.admit(deadline, () => args.next()) : args.next());
      })(),
    );
  });

  const answer = async (event: InboundEvent, target: Target, options?: DispatchOptions) => {
    for (const reply of await w.dispatch(event, options)) await deliver(client, target, reply);
  };
  const refreshHome = async (from: InboundEvent, options?: (home: InboundEvent) => DispatchOptions) => {
    const home: InboundEvent = { kind: 'home', id: `home-${from.id}`, origin: { ...from.origin, isDirect: true } };
    const [reply] = await w.dispatch(home, options?.(home));
    if (reply) await publishHome(client, home.origin.userId, reply);
  };
  /** Retries of an event already handled are dropped; if the store cannot say, answering twice beats silence. */
  const firstTime = async (eventId: string | undefined) =>
    !eventId ||
    !(await w.seen(eventId).catch((err: unknown) => {
      log.warn({ err: errorField(err), eventId }, 'slack event not deduplicated');
      return false;
    }));
  /**
   * Paid only once the core decided to answer: the dedup record of the delivery, then the person's name and
   * language (users.info, cached). Chatter the core leaves alone costs neither a database write nor a call.
   */
  const onceAnswered = (event: InboundEvent, eventId: string | undefined): DispatchOptions => ({
    firstDelivery: async () => {
      if (!(await firstTime(eventId))) return false;
      complete(event.origin, await directory.person(event.origin.userId));
      return true;
    },
  });
  const guarded = (surface: string, work: () => Promise<void>) =>
    work().catch((err: unknown) => log.error({ err: errorField(err), surface }, 'slack answer failed'));

  app.command(/.*/, ({ command, respond }) =>
    guarded('command', async () => {
      const payload = command as unknown as CommandPayload;
      const event = commandEvent(payload, w.commandNames, await directory.person(payload.user_id));
      await answer(event, { via: 'respond', respond, channelId: payload.channel_id, userId: payload.user_id });
    }),
  );

  app.action(/.*/, ({ body, respond }) =>
    guarded('action', async () => {
      if (body.type !== 'block_actions') return;
      const payload = body as unknown as ActionPayload & { view?: { type?: string } };
      const event = actionEvent(payload, await directory.person(payload.user.id));
      if (!event) return;
      const fromHome = payload.view?.type === 'home';
      const target: Target =
        fromHome || !(body as { response_url?: string }).response_url
          ? { via: 'dm', userId: payload.user.id }
          : {
              via: 'respond',
              respond: respond as RespondFn,
              channelId: event.origin.channelId,
              userId: payload.user.id,
            };
      await answer(event, target);
      if (fromHome) await refreshHome(event);
    }),
  );

  const onMessage = (mentioned: boolean) => (args: EventArgs) =>
    guarded(mentioned ? 'app_mention' : 'message', async () => {
      const payload = args.event as unknown as MessagePayload;
      const teamId = args.body.team_id ?? '';
      const event = messageEvent(payload, args.body.event_id ?? payload.ts, teamId, w.botUserId);
      if (!event) return;
      // Plain channel messages matter only in newcomer channels (the core decides which of those to answer).
      if (!event.origin.isDirect && !mentioned) {
        const channelName = await w.watched.nameOf(payload.channel);
        if (channelName === undefined) return;
        if (channelName) complete(event.origin, { channelName });
      }
      const { origin } = event;
      const target: Target = {
        via: 'event',
        channelId: origin.channelId,
        userId: origin.userId,
        isDirect: origin.isDirect,
        ...(origin.threadId ? { threadId: origin.threadId } : {}),
      };
      await answer(event, target, onceAnswered(event, args.body.event_id));
    });
  app.event('app_mention', onMessage(true) as never);
  app.event('message', onMessage(false) as never);

  app.event('member_joined_channel', (async ({ event, body }: EventArgs) =>
    guarded('member_joined_channel', async () => {
      const { user, channel } = event as { user: string; channel: string };
      if (user === w.botUserId) return;
      const channelName = await w.watched.nameOf(channel);
      if (channelName === undefined) return;
      const joined = joinedEvent(
        { user, channel },
        body.event_id ?? `${channel}-${user}`,
        body.team_id ?? '',
        channelName ? { channelName } : {},
      );
      await answer(
        joined,
        { via: 'event', channelId: channel, userId: user, isDirect: false },
        onceAnswered(joined, body.event_id),
      );
    })) as never);

  app.event('app_home_opened', (async ({ event, body }: EventArgs) =>
    guarded('app_home_opened', async () => {
      const payload = event as { user: string; channel?: string; tab?: string };
      const opened = homeEvent(payload, body.event_id ?? `home-${payload.user}`, body.team_id ?? '');
      if (opened) await refreshHome(opened, (home) => onceAnswered(home, body.event_id));
    })) as never);
}

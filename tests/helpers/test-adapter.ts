// An in-memory platform: an inbox that drives the whole bot as a person would, and an outbox that records posts.
import type { Destination, Dispatch, InboundEvent, Inbox, Origin, Outbox, Reply } from '../../src/core/types.js';
import { replyToPlain } from '../../src/core/plain.js';

export interface Said {
  replies: Reply[];
  /** All replies as plain text, for readable assertions. */
  text: string;
}

/** The outbox half: records what jobs post, and says it was delivered. */
export function createTestOutbox(): Outbox & { posts: { to: Destination; reply: Reply }[]; opened: string[][] } {
  const posts: { to: Destination; reply: Reply }[] = [];
  const opened: string[][] = [];
  return {
    platform: 'test',
    posts,
    opened,
    async post(to, reply) {
      posts.push({ to, reply });
      return { ok: true };
    },
    // Opening the same people twice gives the same conversation, as Slack does.
    async open(users) {
      const ids = users.map((u) => u.userId).sort();
      opened.push(ids);
      return { ok: true, channelId: `G-${ids.join('-')}` };
    },
  };
}

/** The inbox half, with its outbox alongside (`outbox`, and `posts` for short). */
export function createTestAdapter(defaults: Partial<Origin> = {}) {
  let dispatch: Dispatch | undefined;
  let n = 0;
  const outbox = createTestOutbox();
  const origin = (o: Partial<Origin> = {}): Origin => ({
    platform: 'test',
    workspaceId: 'W1',
    channelId: 'D1',
    userId: 'U1',
    userName: 'Ada',
    isDirect: true,
    ...defaults,
    ...o,
  });
  const send = async (event: InboundEvent): Promise<Said> => {
    if (!dispatch) throw new Error('adapter not started');
    const replies = await dispatch(event);
    return { replies, text: replies.map(replyToPlain).join('\n\n') };
  };
  const adapter: Inbox & {
    say(text: string, o?: Partial<Origin> & { mentioned?: boolean }): Promise<Said>;
    command(name: string, args?: string, o?: Partial<Origin>): Promise<Said>;
    click(actionId: string, value: string, o?: Partial<Origin>): Promise<Said>;
    join(o?: Partial<Origin>): Promise<Said>;
    outbox: typeof outbox;
    posts: typeof outbox.posts;
  } = {
    platform: 'test',
    ready: () => dispatch !== undefined,
    async start(d) {
      dispatch = d;
    },
    async stop() {
      dispatch = undefined;
    },
    say: (text, o = {}) => {
      const { mentioned = false, ...rest } = o;
      return send({ kind: 'message', id: `e${++n}`, origin: origin(rest), text, mentioned });
    },
    command: (name, args = '', o) => send({ kind: 'command', id: `e${++n}`, origin: origin(o), name, args }),
    click: (actionId, value, o) => send({ kind: 'action', id: `e${++n}`, origin: origin(o), actionId, value }),
    join: (o) => send({ kind: 'joined', id: `e${++n}`, origin: origin({ isDirect: false, ...o }) }),
    outbox,
    posts: outbox.posts,
  };
  return adapter;
}

/** Every action a reply offers (select options and buttons), as [actionId, value] pairs. */
export function actionsOf(replies: Reply[]): [string, string][] {
  return replies.flatMap((r) =>
    r.blocks.flatMap((b): [string, string][] => {
      if (b.type === 'choice') return b.options.map((o) => [b.id, o.value]);
      if (b.type === 'buttons') return b.buttons.map((x) => [x.id, x.value]);
      if (b.type === 'items')
        return b.items.flatMap((i) => (i.button ? [[i.button.id, i.button.value] as [string, string]] : []));
      return [];
    }),
  );
}

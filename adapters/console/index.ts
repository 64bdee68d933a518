// The console: talk to the bot in a terminal, or feed it a file and get a transcript (the inbox); push
// posts written to the same terminal (the outbox).
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import {
  clip,
  stripControl,
  type Destination,
  type Dispatch,
  type Inbox,
  type Locale,
  type Lookup,
  type OpenResult,
  type Origin,
  type Outbox,
  type PostResult,
  type Reply,
} from '../../src/core/index.js';
import { lineToEvent } from './inbound.js';
import { renderConsole, type ConsoleAction } from './render.js';

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  /** Interactive prompt when true; otherwise a transcript (`> line`, then the reply). */
  interactive: boolean;
  userName?: string;
  /** The console's own sentences (`console.*`) from the locales. */
  say: Lookup;
}

/** Long pasted lines are echoed shortened; the bot itself still receives the whole line. */
const ECHO_LIMIT = 300;

export interface ConsoleOutboxOptions {
  output: Writable;
  say: Lookup;
}

const sayWith = (lookup: Lookup) => (locale: Locale, key: string, params?: Record<string, string | number>) =>
  lookup(locale, key, params) ?? lookup('en', key, params) ?? key;

/** Waits for the stream when it asks to, so a long transcript is never held in memory. */
const writer = (output: Writable) => (s: string) =>
  new Promise<void>((resolve) => {
    if (!output.write(s)) output.once('drain', resolve);
    else resolve();
  });

/** Push work (a digest, a reminder) shown in the terminal with where it would have gone. */
export function createConsoleOutbox(options: ConsoleOutboxOptions): Outbox {
  const write = writer(options.output);
  const say = sayWith(options.say);
  return {
    platform: 'console',
    async post(to: Destination, reply: Reply): Promise<PostResult> {
      const where = to.kind === 'channel' ? `#${to.channelId}` : `@${to.userId}`;
      await write(`[to ${stripControl(where)}]\n${renderConsole([reply], say).text}\n\n`);
      return { ok: true };
    },
    // The terminal shows a conversation of several people as their names joined; posts to it print that way.
    async open(users): Promise<OpenResult> {
      return { ok: true, channelId: users.map((u) => u.userId).join('+') };
    },
  };
}

export function createConsoleInbox(options: ConsoleOptions): Inbox & { done: Promise<void> } {
  const say = sayWith(options.say);
  const origin: Origin = {
    platform: 'console',
    workspaceId: 'local',
    channelId: 'console',
    channelName: 'console',
    userId: 'local-user',
    userName: options.userName ?? 'you',
    isDirect: true,
  };
  let started = false;
  let pending: ConsoleAction[] = [];
  /** The language of the latest reply, for the adapter's own few words. */
  let locale: Locale = 'en';
  let resolveDone: () => void = () => {};
  const done = new Promise<void>((r) => (resolveDone = r));
  const write = writer(options.output);
  const show = async (replies: Reply[]) => {
    if (replies.length === 0) return;
    const rendered = renderConsole(replies, say);
    // Numbers answer the latest reply only: an older, scrolled-away button must not be pressed by accident.
    pending = rendered.actions;
    locale = replies.at(-1)?.locale ?? locale;
    await write(`${rendered.text}\n\n`);
  };

  return {
    platform: 'console',
    done,
    ready: () => started,
    async start(dispatch: Dispatch) {
      started = true;
      const rl = createInterface({ input: options.input, crlfDelay: Infinity, terminal: false });
      let n = 0;
      void (async () => {
        if (options.interactive)
          await write('onramp console — type /help, or just ask "how do I contribute?" (Ctrl-D to quit)\n\nyou> ');
        for await (const line of rl) {
          const event = lineToEvent(line, origin, pending, `console-${++n}`);
          if (!options.interactive && line.trim()) {
            const echo = stripControl(line.trim());
            await write(`> ${clip(echo, ECHO_LIMIT)}\n`);
          }
          if (event?.kind === 'out_of_range')
            await write(`${say(locale, 'console.pick_range', { count: event.count })}\n\n`);
          else if (event) await show(await dispatch(event));
          if (options.interactive) await write('you> ');
        }
        resolveDone();
      })();
    },
    async stop() {
      started = false;
      resolveDone();
    },
  };
}

// Turns one typed line into an event: `/cmd args` is a command, a number answers the last choice.
import type { InboundEvent, Origin } from '../../src/core/index.js';
import type { ConsoleAction } from './render.js';

/** A number beside the choices on screen: a slip of the finger, answered by the console itself. */
export interface OutOfRange {
  kind: 'out_of_range';
  count: number;
}

export function lineToEvent(
  line: string,
  origin: Origin,
  pending: ConsoleAction[],
  id: string,
): InboundEvent | OutOfRange | null {
  const trimmed = line.trim();
  if (!trimmed) return null;
  // Up to four digits pick a choice; longer numbers are issue numbers ("51207"), for the bot.
  if (/^\d{1,4}$/.test(trimmed) && pending.length > 0) {
    const picked = pending[Number(trimmed) - 1];
    return picked
      ? { kind: 'action', id, origin, actionId: picked.actionId, value: picked.value }
      : { kind: 'out_of_range', count: pending.length };
  }
  const command = /^\/([\p{L}\p{N}_-]+)(?:\s+([\s\S]*))?$/u.exec(trimmed);
  if (command) return { kind: 'command', id, origin, name: command[1]!.toLowerCase(), args: command[2] ?? '' };
  return { kind: 'message', id, origin, text: trimmed, mentioned: true };
}

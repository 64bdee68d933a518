// Turns one typed line into an event: `/cmd args` is a command, a number answers the last choice.
import type { InboundEvent, Origin } from '../../src/core/index.js';
import type { ConsoleAction } from './render.js';

export function lineToEvent(line: string, origin: Origin, pending: ConsoleAction[], id: string): InboundEvent | null {
  const trimmed = line.trim();
  if (!trimmed) return null;
  const number = /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : 0;
  const picked = number > 0 ? pending[number - 1] : undefined;
  if (picked) return { kind: 'action', id, origin, actionId: picked.actionId, value: picked.value };
  const command = /^\/([\p{L}\p{N}_-]+)(?:\s+([\s\S]*))?$/u.exec(trimmed);
  if (command) return { kind: 'command', id, origin, name: command[1]!.toLowerCase(), args: command[2] ?? '' };
  return { kind: 'message', id, origin, text: trimmed, mentioned: true };
}

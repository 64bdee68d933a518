// Builds the bot from the services: the core with its ports, and each capability with the ports it declared.
import { capabilities as registered } from '../capabilities/index.js';
import { createCore, type Bot } from '../core/bot.js';
import { wire, type Capability, type Wired } from '../core/capability.js';
import type { Deps } from './deps.js';
import { capabilityPorts, corePorts, type PortTable } from './ports.js';

/**
 * `list` is the registry's order (tests add capabilities of their own); a capability the port table does
 * not know runs with the event's context alone.
 */
export function createBot(deps: Deps, list: readonly Capability<never>[] = registered): Bot {
  let wired: readonly Wired[] = [];
  const ports = capabilityPorts(deps, () => wired) as Partial<Record<string, unknown>>;
  wired = list.map((c) => wire(c as Capability<unknown>, ports[c.id as keyof PortTable] ?? {}));
  return createCore(corePorts(deps), wired);
}

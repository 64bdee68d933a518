// Checks community.yaml's `commands` against the capabilities that exist: a name for an unknown command, or a
// name that is another command's id, is a problem (one line each) at start and in check-config.
import type { Capability } from '../core/capability.js';

export function commandNameProblems(
  names: Readonly<Record<string, string>> | undefined,
  capabilities: readonly Pick<Capability, 'id' | 'command'>[],
  label: string,
): string[] {
  const commands = capabilities.filter((c) => c.command !== false).map((c) => c.id);
  const problems: string[] = [];
  for (const [id, name] of Object.entries(names ?? {})) {
    if (!commands.includes(id))
      problems.push(`${label}: commands.${id}: no command "${id}" to rename (commands: ${commands.join(', ')})`);
    else if (name !== id && commands.includes(name))
      problems.push(`${label}: commands.${id}: "${name}" is the name of another command`);
  }
  return problems;
}

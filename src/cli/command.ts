// The shape of a CLI command: parsed arguments in, an exit code out, output through the given streams.

export interface CliIo {
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface CliCommand {
  /** One or two words, e.g. `check-config` or `issues refresh`. */
  name: string;
  usage: string;
  summary: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** Reads `--flag value` and `--switch` style arguments; unknown flags are reported, not ignored. */
export function parseFlags(args: string[], known: { values?: string[]; switches?: string[] }) {
  const values: Record<string, string> = {};
  const switches = new Set<string>();
  const problems: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = arg.replace(/^--/, '');
    if (known.switches?.includes(name)) switches.add(name);
    else if (known.values?.includes(name)) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) problems.push(`${arg} needs a value`);
      else values[name] = value;
      i += 1;
    } else problems.push(`unknown argument ${arg}`);
  }
  return { values, switches, problems };
}

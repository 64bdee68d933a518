// A command that previews (`--dry-run`) or posts now (`--send`): exactly one switch, then a booted bot for it.
import { boot, type Booted } from '../boot.js';
import { parseFlags, type CliCommand, type CliIo } from './command.js';

export interface PreviewOrSend {
  name: string;
  summary: string;
  dryRun(booted: Booted, io: CliIo): Promise<number>;
  send(booted: Booted, io: CliIo): Promise<number>;
}

export function previewOrSend({ name, summary, dryRun, send }: PreviewOrSend): CliCommand {
  return {
    name,
    usage: `${name} --dry-run | --send`,
    summary,
    async run(args, io) {
      const { switches, problems } = parseFlags(args, { switches: ['dry-run', 'send'] });
      if (problems.length > 0 || switches.size !== 1) {
        for (const p of problems) io.err(p);
        io.err(`usage: npm run cli -- ${name} --dry-run | --send (exactly one)`);
        return 2;
      }
      const booted = await boot(io.env, { logFd: 2, logLevel: io.env.LOG_LEVEL || 'warn' });
      try {
        return switches.has('dry-run') ? await dryRun(booted, io) : await send(booted, io);
      } finally {
        await booted.close();
      }
    },
  };
}

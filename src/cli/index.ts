// `npm run cli -- <command>`: operator commands, each in its own file.
import { existsSync } from 'node:fs';
import { BootError } from '../boot.js';
import { checkConfig } from './check-config.js';
import { digestCommand } from './digest.js';
import { followUpsCommand } from './follow-ups.js';
import { discordRegister } from './discord-register.js';
import { discordOnboarding } from './discord-onboarding.js';
import { evalCommand } from './eval.js';
import { issuesList, issuesRefresh } from './issues.js';
import { reportCommand } from './report.js';
import { forgetCommand } from './forget.js';
import { starterPostCommand } from './starter-post.js';
import type { CliCommand, CliIo } from './command.js';

const COMMANDS: CliCommand[] = [
  checkConfig,
  evalCommand,
  discordRegister,
  discordOnboarding,
  digestCommand,
  starterPostCommand,
  followUpsCommand,
  issuesRefresh,
  issuesList,
  reportCommand,
  forgetCommand,
];

function usage(io: CliIo) {
  io.err('usage: npm run cli -- <command>');
  for (const c of COMMANDS) io.err(`  ${c.usage.padEnd(52)} ${c.summary}`);
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  // Longest name first, so `issues refresh` wins over a hypothetical `issues`.
  const command = [...COMMANDS]
    .sort((a, b) => b.name.split(' ').length - a.name.split(' ').length)
    .find((c) => c.name.split(' ').every((word, i) => argv[i] === word));
  if (!command) {
    if (argv.length > 0 && argv[0] !== 'help' && argv[0] !== '--help') io.err(`unknown command: ${argv.join(' ')}`);
    usage(io);
    return argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' ? 0 : 2;
  }
  const args = argv.slice(command.name.split(' ').length);
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`usage: npm run cli -- ${command.usage}`);
    io.out(`  ${command.summary}`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (err) {
    if (err instanceof BootError) {
      for (const p of err.problems) io.err(p);
      return 1;
    }
    io.err(`${command.name} failed: ${(err as Error).message}`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const io: CliIo = {
    env: { ...process.env },
    out: (l) => process.stdout.write(`${l}\n`),
    err: (l) => process.stderr.write(`${l}\n`),
  };
  runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}

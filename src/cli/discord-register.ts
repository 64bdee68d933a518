// `discord register [--guild ID]`: publishes the slash commands in one bulk request; the bot never does it at start.
import { buildCommands, registerCommands } from '../../adapters/discord/index.js';
import { readConfig } from '../boot.js';
import { capabilities } from '../capabilities/index.js';
import { ContentError, loadContent } from '../content/load.js';
import { commandSpecs, createLookup } from '../core/commands.js';
import { createTranslator } from '../core/i18n.js';
import { parseFlags, type CliCommand } from './command.js';

export const discordRegister: CliCommand = {
  name: 'discord register',
  usage: 'discord register [--guild ID]',
  summary: 'register the slash commands with Discord in one request (a server at once, or global)',
  async run(args, io) {
    const { values, problems } = parseFlags(args, { values: ['guild'] });
    const guild = values.guild;
    if (guild !== undefined && !/^\d{5,25}$/.test(guild))
      problems.push(`--guild expects a server id (the digits from "Copy Server ID"), not "${guild.slice(0, 40)}"`);
    if (problems.length > 0) {
      for (const p of problems) io.err(p);
      io.err(`usage: npm run cli -- ${this.usage}`);
      return 2;
    }
    const config = readConfig(io.env);
    if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) {
      io.err('DISCORD_TOKEN and DISCORD_APPLICATION_ID must be set to register commands (see .env.example)');
      return 1;
    }
    let content;
    try {
      content = await loadContent({ dir: config.CONTENT_DIR, sigsFile: config.SIGS_FILE });
    } catch (err) {
      if (!(err instanceof ContentError)) throw err;
      for (const p of err.problems) io.err(p);
      return 1;
    }
    const commands = buildCommands(
      commandSpecs(capabilities, content.community.commands),
      createLookup(
        createTranslator(
          content.locales,
          content.community.commands ? { communityCommands: content.community.commands } : {},
        ),
      ),
    );
    const names = await registerCommands({
      token: config.DISCORD_TOKEN,
      applicationId: config.DISCORD_APPLICATION_ID,
      apiUrl: config.DISCORD_API_URL,
      ...(guild ? { guildId: guild } : {}),
      commands,
    });
    const where = guild
      ? `in server ${guild} (usable now)`
      : 'globally (Discord can take up to an hour to show changes everywhere)';
    io.out(`registered ${names.length} commands ${where}: ${names.map((n) => `/${n}`).join(' ')}`);
    return 0;
  },
};

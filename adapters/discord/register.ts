// Registers every slash command in one bulk overwrite (PUT), for one server or globally; never at start.
import {
  DiscordAPIError,
  HTTPError,
  REST,
  Routes,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';

export interface RegisterOptions {
  token: string;
  applicationId: string;
  apiUrl: string;
  /** A server id: its commands update at once (for trying things out). Without it, commands are global. */
  guildId?: string;
  commands: RESTPostAPIChatInputApplicationCommandsJSONBody[];
}

/** Replaces the application's commands with exactly these (removed capabilities disappear too). */
export async function registerCommands(options: RegisterOptions): Promise<string[]> {
  const rest = new REST({ api: options.apiUrl, retries: 2 }).setToken(options.token);
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  try {
    const saved = (await rest.put(route, { body: options.commands })) as { name: string }[];
    return saved.map((c) => c.name);
  } catch (err) {
    throw new Error(explain(err, options));
  }
}

/** What went wrong, said so an operator knows what to fix; never the token. */
function explain(err: unknown, options: RegisterOptions): string {
  if (err instanceof DiscordAPIError) {
    if (err.status === 401)
      return 'Discord rejected DISCORD_TOKEN (401): copy the bot token again from the Developer Portal (Bot → Reset Token)';
    if (err.status === 403 || err.status === 404)
      return `Discord refused (${err.status}: ${err.message}): check that DISCORD_APPLICATION_ID is this bot's application${options.guildId ? ' and that the bot was invited to that server with the applications.commands scope' : ''}`;
    return `Discord refused the commands (${err.status}: ${err.message})`;
  }
  if (err instanceof HTTPError) return `Discord answered ${err.status} ${err.message}; try again later`;
  return `cannot reach Discord at ${options.apiUrl}: ${(err as Error).message}`;
}

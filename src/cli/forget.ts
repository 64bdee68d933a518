// `forget --platform P --user ID [--workspace W]`: an operator erases a person, as `/privacy forget` would.
import { readConfig } from '../boot.js';
import { openDatabase } from '../store/database.js';
import { createStore } from '../store/store.js';
import { parseFlags, type CliCommand } from './command.js';

export const forgetCommand: CliCommand = {
  name: 'forget',
  usage: 'forget --platform P --user ID [--workspace W]',
  summary: 'erase everything kept about a person (a privacy request); their claims go to the next person waiting',
  async run(args, io) {
    const { values, problems } = parseFlags(args, { values: ['platform', 'user', 'workspace'] });
    const problem = problems[0] ?? (!values.platform || !values.user ? '--platform and --user are required' : null);
    if (problem) {
      io.err(`forget: ${problem}`);
      return 2;
    }
    const database = await openDatabase(readConfig(io.env).DATABASE_URL);
    try {
      const { personalData } = createStore(database);
      const { platform, user: userId } = values as { platform: string; user: string };
      const workspaces = values.workspace ? [values.workspace] : await personalData.workspacesOf(platform, userId);
      if (workspaces.length === 0) {
        io.out(`Nothing is kept about ${platform} user ${userId}: nothing to erase.`);
        return 0;
      }
      for (const workspaceId of workspaces) {
        const e = await personalData.erase({ platform, workspaceId, userId }, new Date());
        const released = e.released.map((i) => `${i.owner}/${i.repo}#${i.number}`);
        io.out(
          `Erased ${platform} user ${userId} in ${workspaceId}: language ${e.language ? 'yes' : 'no'}, ${e.groups} groups, ` +
            `digest by DM ${e.digestByDm ? 'yes' : 'no'}, GitHub login ${e.githubLogin ? 'yes' : 'no'}, ` +
            `${released.length} claims released${released.length ? ` (${released.join(', ')})` : ''}, ${e.waiting} waitlist places, ` +
            `${e.funnelSteps} funnel steps turned into anonymous counts.`,
        );
      }
      io.out(
        'The next person waiting for a released issue is told by the running bot within minutes (its waitlist job).',
      );
      return 0;
    } finally {
      await database.close();
    }
  },
};

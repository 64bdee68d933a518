// `check-config`: validates the environment and the content files, one line per problem.
import path from 'node:path';
import { capabilities } from '../capabilities/index.js';
import { loadConfig } from '../config/load.js';
import { ContentError, loadContent } from '../content/load.js';
import { commandNameProblems } from '../wiring/command-names.js';
import type { CliCommand } from './command.js';

export const checkConfig: CliCommand = {
  name: 'check-config',
  usage: 'check-config',
  summary: 'validate the environment and content; exit 1 listing every problem',
  async run(_args, io) {
    const result = loadConfig(io.env);
    const problems = result.ok ? [] : [...result.problems];
    // Content is checked even when the environment has problems, so one run lists everything.
    const dir = result.ok ? result.config.CONTENT_DIR : io.env.CONTENT_DIR || 'content';
    const sigsFile = result.ok ? result.config.SIGS_FILE : io.env.SIGS_FILE || undefined;
    try {
      const content = await loadContent({ dir, sigsFile });
      problems.push(...commandNameProblems(content.community.commands, capabilities, path.join(dir, 'community.yaml')));
      const locale = result.ok ? result.config.DEFAULT_LOCALE : undefined;
      if (locale && !(locale in content.locales))
        problems.push(
          `DEFAULT_LOCALE: "${locale}" has no ${dir}/locales/${locale}.json (the content speaks ${Object.keys(content.locales).join(', ')})`,
        );
      // An added language may be partly translated: said, not failed (those messages read English).
      for (const w of content.warnings ?? []) io.out(`warning: ${w}`);
      if (problems.length === 0) {
        const c = result.ok ? result.config : undefined;
        const platforms = [
          c?.SLACK_BOT_TOKEN && (c.SLACK_APP_TOKEN ? 'Slack (Socket Mode)' : 'Slack (HTTP)'),
          c?.DISCORD_TOKEN && 'Discord',
        ].filter(Boolean);
        io.out(
          `configuration is valid: ${content.sigs.length} groups, ${content.faq.length} FAQ entries; platforms: ${platforms.join(', ') || 'console only'}`,
        );
        return 0;
      }
    } catch (err) {
      if (!(err instanceof ContentError)) throw err;
      problems.push(...err.problems);
    }
    for (const p of problems) io.err(p);
    return 1;
  },
};

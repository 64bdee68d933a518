// `discord onboarding --dry-run [--json] | --apply`: Discord's Onboarding questions from the group catalogue.
import {
  createOnboardingRest,
  planOnboarding,
  snowflakeFactory,
  type OnboardingGroup,
  type OnboardingKind,
  type OnboardingPlan,
} from '../../adapters/discord/index.js';
import { readConfig } from '../boot.js';
import { ContentError, loadContent } from '../content/load.js';
import { localized, type Content } from '../content/types.js';
import { createTranslator } from '../core/i18n.js';
import { stripControl } from '../core/plain.js';
import { parseFlags, type CliCommand, type CliIo } from './command.js';

/** The catalogue as Onboarding sees it: kinds in community.yaml's order, each group with its Discord channel. */
export function onboardingInput(
  content: Content,
  locale: string,
): { kinds: OnboardingKind[]; groups: OnboardingGroup[] } {
  const t = createTranslator(content.locales).bind(locale, { platform: 'discord' });
  const kinds = Object.entries(content.community.groupKinds).map(([id, words]) => ({
    id,
    title: t('discord.onboarding_prompt', { groups: (words[locale] ?? words.en).other }),
  }));
  const groups = content.sigs.map((sig) => ({
    id: sig.id,
    name: sig.name,
    kind: sig.kind,
    // The first sentence: Discord shows a line under each answer, not a paragraph.
    description: localized(sig.description, locale).split(/(?<=[.!?])\s/)[0] ?? '',
    ...(sig.channels.discord ? { channel: sig.channels.discord } : {}),
  }));
  return { kinds, groups };
}

function show(plan: OnboardingPlan, io: CliIo, exact: boolean) {
  for (const prompt of plan.body.prompts.slice(plan.kept)) {
    io.out('');
    io.out(`Question: ${stripControl(prompt.title)} (${prompt.options.length} answers, several allowed, not required)`);
    for (const o of prompt.options) {
      const role = o.role_ids[0]!.startsWith('role:') ? `new role ${o.role_ids[0]!.slice(5)}` : `role ${o.role_ids[0]}`;
      const channel = o.channel_ids[0]
        ? o.channel_ids[0].startsWith('channel:')
          ? `#${o.channel_ids[0].slice(8)}`
          : `channel ${o.channel_ids[0]}`
        : 'no channel';
      io.out(`  - ${stripControl(o.title)} → ${role}, ${channel}`);
    }
  }
  if (plan.kept > 0) io.out(`\n${plan.kept} question(s) the server already had are kept first, as they are.`);
  if (plan.missingRoles.length > 0)
    io.out(`Roles to create (--apply): ${plan.missingRoles.map((g) => g.id).join(', ')}`);
  if (plan.missingChannels.length > 0)
    io.out(
      `Channels named in content but not on the server (their answer grants the role only): ${plan.missingChannels.map((g) => `#${g.channel}`).join(', ')}`,
    );
  if (plan.leftOut.length > 0)
    io.out(`Left to /sig (beyond Discord's limits): ${plan.leftOut.map((g) => g.id).join(', ')}`);
  if (!exact)
    io.out('Ids written role:… and channel:… are placeholders: set DISCORD_TOKEN and a server to see the real ones.');
}

export const discordOnboarding: CliCommand = {
  name: 'discord onboarding',
  usage: 'discord onboarding --dry-run [--json] | --apply [--guild ID]',
  summary: "print (or write) the server's Onboarding questions that the group catalogue implies",
  async run(args, io) {
    const { values, switches, problems } = parseFlags(args, {
      values: ['guild'],
      switches: ['dry-run', 'apply', 'json'],
    });
    const modes = ['dry-run', 'apply'].filter((m) => switches.has(m));
    if (modes.length !== 1) problems.push('exactly one of --dry-run or --apply');
    if (values.guild !== undefined && !/^\d{5,25}$/.test(values.guild))
      problems.push('--guild expects a server id (digits)');
    if (problems.length > 0) {
      for (const p of problems) io.err(p);
      io.err(`usage: npm run cli -- ${this.usage}`);
      return 2;
    }
    const config = readConfig(io.env);
    let content: Content;
    try {
      content = await loadContent({ dir: config.CONTENT_DIR, sigsFile: config.SIGS_FILE });
    } catch (err) {
      if (!(err instanceof ContentError)) throw err;
      for (const p of err.problems) io.err(p);
      return 1;
    }
    const guilds = values.guild ? [values.guild] : (config.DISCORD_GUILD_IDS ?? []);
    const guild = guilds.length === 1 ? guilds[0] : undefined;
    if (switches.has('apply') && (!config.DISCORD_TOKEN || !guild)) {
      io.err(
        !config.DISCORD_TOKEN
          ? 'DISCORD_TOKEN must be set to write Onboarding.'
          : 'Say which server: --guild ID (or one id in DISCORD_GUILD_IDS).',
      );
      return 1;
    }
    const { kinds, groups } = onboardingInput(content, config.DEFAULT_LOCALE);
    const rest =
      config.DISCORD_TOKEN && guild
        ? createOnboardingRest({ token: config.DISCORD_TOKEN, apiUrl: config.DISCORD_API_URL })
        : undefined;
    const facts = rest && guild ? await rest.facts(guild) : null;
    const newId = snowflakeFactory();
    let plan = planOnboarding(kinds, groups, facts, newId);
    if (switches.has('dry-run')) {
      io.out(
        `Discord Onboarding ${guild ? `for server ${guild}` : 'from content alone'}: a preview, nothing is written.`,
      );
      show(plan, io, facts !== null);
      if (switches.has('json')) io.out(JSON.stringify(plan.body));
      return 0;
    }
    // --apply: roles first (an answer must grant existing roles), then the questions in one request.
    for (const group of plan.missingRoles) facts!.roles.push(await rest!.createRole(guild!, group.id));
    plan = planOnboarding(kinds, groups, facts, newId);
    const written = await rest!.putOnboarding(guild!, plan.body);
    io.out(
      `Discord Onboarding written for server ${guild}: ${written.prompts.length} question(s), ${plan.body.prompts.reduce((n, p) => n + p.options.length, 0)} answers in all.`,
    );
    show(plan, io, true);
    return 0;
  },
};

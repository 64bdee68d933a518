// Slash command definitions generated from the capability registry, with French names and descriptions.
import {
  ApplicationIntegrationType,
  InteractionContextType,
  SlashCommandBuilder,
  type LocalizationMap,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { clip, markupToPlain, type CommandSpec, type Locale, type Lookup } from '../../src/core/index.js';
import { LIMITS } from './limits.js';

/** Discord's rule for command and option names (lowercase letters of any script, digits, `-`, `_`). */
const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
/** Locales we translate into besides the default (English); Discord's code for French is `fr`. */
const TRANSLATED = ['fr'] as const;

function plain(lookup: Lookup, locale: Locale, key: string, max: number): string | undefined {
  const found = lookup(locale, key);
  const text = found === undefined ? undefined : markupToPlain(found).replace(/\s+/g, ' ').trim();
  return text ? clip(text, max) : undefined;
}

function localizedName(lookup: Lookup, key: string, fallback: string): LocalizationMap {
  const out: LocalizationMap = {};
  for (const locale of TRANSLATED) {
    const name = plain(lookup, locale, key, 32)?.toLowerCase();
    if (name && name !== fallback && NAME.test(name)) out[locale] = name;
  }
  return out;
}

function localizedText(lookup: Lookup, key: string): LocalizationMap {
  const out: LocalizationMap = {};
  for (const locale of TRANSLATED) {
    const text = plain(lookup, locale, key, LIMITS.commandDescription);
    if (text) out[locale] = text;
  }
  return out;
}

/**
 * One definition per command: name = the spec's (the capability id or the community's name for it; the core
 * routes on both), description from `help.<id>`, one string option per declared option (required ones
 * first, as Discord demands), autocomplete where the capability asks for it. Usable in servers and in direct messages with the bot.
 */
export function buildCommands(
  specs: readonly CommandSpec[],
  lookup: Lookup,
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return specs.map((spec) => {
    // Texts are keyed by capability id; a community's name for the command (`team` for `sig`) is only registered.
    const id = spec.id ?? spec.name;
    const command = new SlashCommandBuilder()
      .setName(spec.name)
      .setDescription(plain(lookup, 'en', `help.${id}`, LIMITS.commandDescription) ?? spec.name)
      .setNameLocalizations(localizedName(lookup, `discord.command.${id}.name`, spec.name))
      .setDescriptionLocalizations(localizedText(lookup, `help.${id}`))
      .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
      .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
    const options = [...spec.options].sort((a, b) => Number(Boolean(b.required)) - Number(Boolean(a.required)));
    for (const option of options) {
      const key = `discord.option.${id}.${option.name}`;
      command.addStringOption((o) =>
        o
          .setName(option.name)
          .setDescription(plain(lookup, 'en', `${key}.description`, LIMITS.commandDescription) ?? option.name)
          .setNameLocalizations(localizedName(lookup, `${key}.name`, option.name))
          .setDescriptionLocalizations(localizedText(lookup, `${key}.description`))
          .setRequired(Boolean(option.required))
          .setAutocomplete(option.autocomplete !== undefined),
      );
    }
    return command.toJSON();
  });
}

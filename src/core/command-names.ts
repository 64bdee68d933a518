// Says each slash command by the name the person's platform shows them: a community of teams calls /sig
// /team everywhere, a Slack workspace may have renamed it /k8s-sig, and a French Discord client lists
// /contribute as /contribuer.
import { toLocale, type Catalogue } from './i18n.js';
import type { Locale } from './types.js';

/** Where a text is read: which platform, and the locale that platform's client shows (Discord's interaction.locale). */
export interface Where {
  platform: string;
  platformLocale?: Locale;
}

/** Where an event's answer is read: its platform, and the client locale when the platform reports one. */
export function whereOf(origin: { platform: string; locale?: string }): Where {
  const platformLocale = toLocale(origin.locale);
  return platformLocale ? { platform: origin.platform, platformLocale } : { platform: origin.platform };
}

export type CommandNames = Readonly<Record<string, string>>;

/** A command mention in our own sentences: after a space, an opening mark or the start, and not part of a longer word or path. */
const mentionOf = (ids: string[]) => new RegExp(`(^|[\\s(\\[«“"'\`*_])/(${ids.join('|')})(?![\\w-])`, 'g');

/**
 * Three layers, the later winning: `community` gives the content's names by capability id, on every
 * platform (`{ sig: 'team' }`, community.yaml's `commands`); the catalogues give a platform's translated
 * names as `<platform>.command.<id>.name` (`contribuer`); `renamed` gives a platform's renames by capability
 * id (`{ slack: { sig: '/k8s-sig' } }`, SLACK_COMMAND_NAMES).
 */
export function createCommandNaming(
  catalogues: Record<Locale, Catalogue>,
  renamed: Partial<Record<string, CommandNames>> = {},
  community: CommandNames = {},
) {
  const cache = new Map<string, ((text: string) => string) | null>();

  function build(where: Where | undefined): ((text: string) => string) | null {
    const names: Record<string, string> = Object.fromEntries(
      Object.entries(community).map(([id, name]) => [id, `/${name}`]),
    );
    if (where) Object.assign(names, platformNames(where));
    const ids = Object.keys(names).filter((id) => names[id] !== `/${id}`);
    if (ids.length === 0) return null;
    const pattern = mentionOf(ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    return (text) => text.replace(pattern, (_whole, before: string, id: string) => `${before}${names[id]}`);
  }

  function platformNames(where: Where): Record<string, string> {
    const names: Record<string, string> = {};
    const prefix = `${where.platform}.command.`;
    // Translated names only where the platform said which language its client shows: a French reply to
    // someone on an English Discord would otherwise name /contribuer, which their client does not list.
    const catalogue = (where.platformLocale ? catalogues[where.platformLocale] : undefined) ?? {};
    for (const [key, value] of Object.entries(catalogue)) {
      const id =
        key.startsWith(prefix) && key.endsWith('.name') ? key.slice(prefix.length, -'.name'.length) : undefined;
      if (id && value !== id) names[id] = `/${value}`;
    }
    return Object.assign(names, renamed[where.platform]);
  }

  return {
    /** Rewrites `/id` mentions in a text the bot wrote (never in a person's words); without `where`, the community's names alone. */
    name(text: string, where?: Where): string {
      const key = where ? `${where.platform}:${where.platformLocale ?? ''}` : '';
      if (!cache.has(key)) cache.set(key, build(where));
      const rename = cache.get(key);
      return rename ? rename(text) : text;
    },
  };
}

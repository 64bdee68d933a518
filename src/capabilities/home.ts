// A person's home (Slack App Home): each capability's own section, in registry order, under one title.
import { divider, text } from '../core/blocks.js';
import type { Capability, Wired } from '../core/capability.js';
import type { Block } from '../core/types.js';
import type { Catalogue } from './ports.js';

/** The capabilities as wired (each with its own ports), whose home sections make the home. */
export interface HomeSections {
  sections: () => readonly Wired[];
}

/**
 * Sections plug in through `Capability.homeSection`, so claims and digest preferences appear here as
 * soon as their capabilities define one. A failing section is left out rather than blanking the home.
 */
export const home: Capability<Catalogue & HomeSections> = {
  id: 'home',
  usage: '',
  command: false,
  routes: ['home'],
  async run(_input, ctx) {
    const blocks: Block[] = [
      text(ctx.t('slack.home.title', { community: ctx.content.community.name })),
      text(ctx.t('slack.home.intro')),
    ];
    for (const capability of ctx.sections()) {
      if (!capability.homeSection) continue;
      try {
        const section = await capability.homeSection(ctx);
        if (section.length > 0) blocks.push(divider(), ...section);
      } catch (err) {
        ctx.log.warn({ err, capability: capability.id, eventId: ctx.event.id }, 'home section failed');
      }
    }
    blocks.push(divider(), text(ctx.t('slack.home.commands')));
    return { blocks, private: true };
  },
};

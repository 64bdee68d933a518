// Greets someone who joins a watched channel, privately, with the first steps.
import type { Capability } from '../core/capability.js';
import type { Catalogue } from './ports.js';
import { text } from '../core/blocks.js';

export const welcome: Capability<Catalogue> = {
  id: 'welcome',
  usage: '',
  command: false,
  routes: ['joined'],
  async run(_input, ctx) {
    return {
      blocks: [
        text(ctx.t('welcome.hello', { name: ctx.event.origin.userName, community: ctx.content.community.name })),
        text(ctx.t('welcome.next')),
      ],
      private: true,
    };
  },
};

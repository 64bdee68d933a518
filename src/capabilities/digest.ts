// The weekly digest by DM: a person's switch, from `/sig digest on|off`, a button in replies, or the home.
import { text } from '../core/blocks.js';
import type { Capability } from '../core/capability.js';
import { DIGEST_TOGGLE_ACTION } from '../digest/compose.js';
import { digestStatus, setDigest, type DigestPorts } from './shared/digest-switch.js';

/**
 * Owns the switch's button wherever it appears (a DM digest, `/sig` replies, the Slack App Home), and
 * gives the home its section. Not a command of its own: people type `/sig digest on|off`.
 */
export const digest: Capability<DigestPorts> = {
  id: 'digest',
  usage: '/sig digest on | off',
  command: false,
  actions: [DIGEST_TOGGLE_ACTION],
  async homeSection(ctx) {
    return [text(ctx.t('digest.home_title')), ...(await digestStatus(ctx))];
  },
  async run(input, ctx) {
    if (!input.action) return null;
    return setDigest(ctx, input.action.value === 'on');
  },
};

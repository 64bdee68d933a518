// Where to send someone who needs help, on their own platform: the SIG channel, else the community's help channel.
import type { Content } from '../content/types.js';
import { sigChannel } from './sig-view.js';

/**
 * The SIG's channel when there is one, else the community help channel of this platform (Slack's for
 * the console). A help channel named only for the other platform is not offered: it does not exist
 * where the person is, and "ask in #x" about a channel they cannot find helps nobody.
 */
export function helpChannel(content: Content, platform: string, sigId?: string | null): string | undefined {
  const sig = sigId ? content.sigById.get(sigId) : undefined;
  const help = content.community.channels.help;
  return (sig && sigChannel(sig, platform)) ?? (platform === 'discord' ? help.discord : help.slack);
}

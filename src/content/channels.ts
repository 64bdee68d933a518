// Which chat channel to name for a SIG or for help, on the platform the person is on.
import type { Content, Sig } from './types.js';

/** The SIG's channel for this platform, or the Slack one as the community's main chat (shown as where the SIG talks). */
export function sigChannel(sig: Sig, platform: string): string | undefined {
  return platform === 'discord'
    ? (sig.channels.discord ?? sig.channels.slack)
    : (sig.channels.slack ?? sig.channels.discord);
}

/**
 * Where to tell someone to ask for help: the SIG's channel on their platform, else the community help
 * channel of this platform (Slack's for the console). Unlike {@link sigChannel}, a channel that exists
 * only on the other platform is never offered: "ask in #x" about a channel they cannot find helps nobody.
 */
export function helpChannel(content: Content, platform: string, sigId?: string | null): string | undefined {
  const own = platform === 'discord' ? 'discord' : 'slack';
  const sig = sigId ? content.sigById.get(sigId) : undefined;
  return sig?.channels[own] ?? content.community.channels.help[own];
}

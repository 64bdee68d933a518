// Who gets a digest: each SIG channel on each platform that can post, and each person who opted in.
import type { Config } from '../config/schema.js';
import type { Content } from '../content/types.js';
import { ANY_WORKSPACE, type Destination, type Locale, type Platform } from '../core/types.js';
import type { DmRecipient, PlannedDelivery } from '../store/digests.js';

export interface DigestTarget {
  /** Stable text key of the destination: the ledger's UNIQUE (period, destination) uses it. */
  key: string;
  destination: Destination;
  /** The SIGs this destination hears about, in the order their groups are shown. */
  sigIds: string[];
  locale: Locale;
}

/** The platforms a digest can reach with this configuration (the console has nobody to push to). */
export function configuredPlatforms(config: Config): Platform[] {
  const out: Platform[] = [];
  if (config.SLACK_BOT_TOKEN) out.push('slack');
  if (config.DISCORD_TOKEN) out.push('discord');
  return out;
}

export function destinationKey(d: Destination): string {
  return d.kind === 'channel'
    ? `${d.platform}/${d.workspaceId}/#${d.channelId}`
    : `${d.platform}/${d.workspaceId}/@${d.userId}`;
}

export function planned(target: DigestTarget): PlannedDelivery {
  const d = target.destination;
  return {
    destination: target.key,
    platform: d.platform,
    workspaceId: d.workspaceId,
    kind: d.kind,
    targetId: d.kind === 'channel' ? d.channelId : d.userId,
  };
}

/** Content may write `#sig-network` or `sig-network`; adapters receive the bare name (see ANY_WORKSPACE). */
const channelName = (raw: string) => raw.trim().replace(/^#/, '');

/**
 * One target per (platform, channel): SIGs that share a channel share one message, grouped by SIG,
 * rather than the channel getting one post per SIG. Channels speak the community's DEFAULT_LOCALE.
 */
export function channelTargets(content: Content, platforms: readonly Platform[], locale: Locale): DigestTarget[] {
  const byKey = new Map<string, DigestTarget>();
  for (const sig of content.sigs) {
    for (const platform of platforms) {
      const raw = (sig.channels as Record<string, string | undefined>)[platform];
      if (!raw || !channelName(raw)) continue;
      const destination: Destination = {
        platform,
        workspaceId: ANY_WORKSPACE,
        kind: 'channel',
        channelId: channelName(raw),
      };
      const key = destinationKey(destination);
      const target = byKey.get(key) ?? { key, destination, sigIds: [], locale };
      target.sigIds.push(sig.id);
      byKey.set(key, target);
    }
  }
  return [...byKey.values()];
}

/** A person's direct messages, as a destination. */
export const userDestination = (user: { platform: string; workspaceId: string; userId: string }): Destination => ({
  platform: user.platform as Platform,
  workspaceId: user.workspaceId,
  kind: 'user',
  userId: user.userId,
});

/** People on a platform that can post, in their stored language; SIGs no longer in the catalogue are dropped. */
export function dmTargets(
  recipients: readonly DmRecipient[],
  content: Content,
  platforms: readonly Platform[],
  fallback: Locale,
): DigestTarget[] {
  const out: DigestTarget[] = [];
  for (const r of recipients) {
    if (!(platforms as readonly string[]).includes(r.platform)) continue;
    const destination = userDestination(r);
    out.push({
      key: destinationKey(destination),
      destination,
      sigIds: r.sigIds.filter((id) => content.sigById.has(id)),
      locale: r.locale ?? fallback,
    });
  }
  return out;
}

// Discord Onboarding from the group catalogue: one question per kind of group, one answer per group (its role, its channel).

/**
 * Discord's limits on the Onboarding body (PUT /guilds/{id}/onboarding). The API reference gives the
 * shape, not every cap: 15 prompts is what client libraries document ([S] composure ModifyOnboarding),
 * the per-prompt, title and description caps are what Discord's own editor enforces ([?] not in the
 * docs); the plan stays under all of them and leaves the rest of the catalogue to `/sig`.
 */
export const ONBOARDING_LIMITS = {
  prompts: 15,
  optionsPerPrompt: 50,
  promptTitle: 100,
  optionTitle: 50,
  optionDescription: 100,
} as const;

export interface OnboardingGroup {
  id: string;
  name: string;
  kind: string;
  description: string;
  /** The group's Discord channel name from content, if any. */
  channel?: string;
}

export interface OnboardingKind {
  id: string;
  /** The question, in the community's language ("Which SIGs interest you?"). */
  title: string;
}

export interface ApiRole {
  id: string;
  name: string;
  managed?: boolean;
}

export interface ApiOption {
  id?: string;
  title: string;
  description: string | null;
  channel_ids: string[];
  role_ids: string[];
}

export interface ApiPrompt {
  id: string;
  type: 0 | 1;
  title: string;
  options: ApiOption[];
  single_select: boolean;
  required: boolean;
  in_onboarding: boolean;
}

/** What the server has now; without it (no token) the plan uses placeholders for ids. */
export interface GuildFacts {
  roles: ApiRole[];
  channels: { id: string; name: string; type?: number }[];
  prompts: ApiPrompt[];
}

export interface OnboardingPlan {
  body: { prompts: ApiPrompt[] };
  /** Groups with no role named like them (id or name): `--apply` creates these, named by group id. */
  missingRoles: OnboardingGroup[];
  /** Groups whose content channel is not on the server (their option grants the role only). */
  missingChannels: OnboardingGroup[];
  /** Groups beyond Discord's limits: left to `/sig`. */
  leftOut: OnboardingGroup[];
  /** Prompts the server had that onramp did not write, kept first as they were. */
  kept: number;
}

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`);
const fold = (s: string) => s.trim().toLowerCase();

/** A role "named like the group": its id (`sig-network`) or its name (`Network`), case aside; never a bot's own role. */
export function roleFor(group: OnboardingGroup, roles: readonly ApiRole[]): ApiRole | undefined {
  return roles.find((r) => !r.managed && (fold(r.name) === fold(group.id) || fold(r.name) === fold(group.name)));
}

export function planOnboarding(
  kinds: readonly OnboardingKind[],
  groups: readonly OnboardingGroup[],
  facts: GuildFacts | null,
  newId: () => string,
): OnboardingPlan {
  const ours = new Set(kinds.map((k) => fold(clip(k.title, ONBOARDING_LIMITS.promptTitle))));
  const foreign = (facts?.prompts ?? []).filter((p) => !ours.has(fold(p.title)));
  const room = Math.max(0, ONBOARDING_LIMITS.prompts - foreign.length);
  const plan: OnboardingPlan = {
    body: { prompts: [...foreign] },
    missingRoles: [],
    missingChannels: [],
    leftOut: [],
    kept: foreign.length,
  };
  const used = kinds.filter((k) => groups.some((g) => g.kind === k.id));
  for (const [i, kind] of used.entries()) {
    const members = groups.filter((g) => g.kind === kind.id);
    if (i >= room) {
      plan.leftOut.push(...members);
      continue;
    }
    const title = clip(kind.title, ONBOARDING_LIMITS.promptTitle);
    // Rewriting a prompt under the same ids keeps what members already picked.
    const before = facts?.prompts.find((p) => fold(p.title) === fold(title));
    const options: ApiOption[] = [];
    for (const group of members) {
      if (options.length >= ONBOARDING_LIMITS.optionsPerPrompt) {
        plan.leftOut.push(group);
        continue;
      }
      const role = facts ? roleFor(group, facts.roles) : undefined;
      if (!role) plan.missingRoles.push(group);
      const wanted = group.channel?.trim().replace(/^#/, '');
      const channel = wanted && facts ? facts.channels.find((c) => fold(c.name) === fold(wanted)) : undefined;
      if (wanted && facts && !channel) plan.missingChannels.push(group);
      const optionTitle = clip(group.name, ONBOARDING_LIMITS.optionTitle);
      const previous = before?.options.find((o) => fold(o.title) === fold(optionTitle));
      options.push({
        ...(previous?.id ? { id: previous.id } : {}),
        title: optionTitle,
        description: group.description
          ? clip(group.description.replace(/\s+/g, ' ').trim(), ONBOARDING_LIMITS.optionDescription)
          : null,
        // Without the server's facts (a dry run with no token), placeholders say what each id will be.
        channel_ids: channel ? [channel.id] : wanted && !facts ? [`channel:${wanted}`] : [],
        role_ids: [role ? role.id : `role:${group.id}`],
      });
    }
    // Discord wants an id on every prompt, even a new one (it assigns its own and ignores ours).
    plan.body.prompts.push({
      id: before?.id ?? newId(),
      type: 0,
      title,
      options,
      single_select: false,
      required: false,
      in_onboarding: true,
    });
  }
  return plan;
}

/** Discord snowflakes count milliseconds from 2015-01-01; a fresh one for each new prompt. */
export function snowflakeFactory(now: () => number = Date.now): () => string {
  let n = 0n;
  return () => String((BigInt(now() - 1_420_070_400_000) << 22n) + (n++ % 4096n));
}

// The few REST calls Onboarding needs (roles, channels, onboarding), with the bot token and no gateway session.
import { REST, Routes } from 'discord.js';
import type { ApiPrompt, ApiRole, GuildFacts } from './onboarding.js';

export interface OnboardingRest {
  facts(guildId: string): Promise<GuildFacts>;
  createRole(guildId: string, name: string): Promise<ApiRole>;
  putOnboarding(guildId: string, body: { prompts: ApiPrompt[] }): Promise<{ prompts: ApiPrompt[] }>;
}

export function createOnboardingRest(options: { token: string; apiUrl?: string }): OnboardingRest {
  const rest = new REST(options.apiUrl ? { api: options.apiUrl } : {}).setToken(options.token);
  return {
    async facts(guildId) {
      const [roles, channels, onboarding] = await Promise.all([
        rest.get(Routes.guildRoles(guildId)) as Promise<ApiRole[]>,
        rest.get(Routes.guildChannels(guildId)) as Promise<GuildFacts['channels']>,
        rest.get(Routes.guildOnboarding(guildId)) as Promise<{ prompts?: ApiPrompt[] }>,
      ]);
      return { roles, channels, prompts: onboarding.prompts ?? [] };
    },
    async createRole(guildId, name) {
      // No permissions and not mentionable: the role only marks interest and opens the group's channel.
      return (await rest.post(Routes.guildRoles(guildId), {
        body: { name, permissions: '0', mentionable: false },
        reason: 'onramp: a role per group for Onboarding',
      })) as ApiRole;
    },
    async putOnboarding(guildId, body) {
      return (await rest.put(Routes.guildOnboarding(guildId), {
        body,
        reason: 'onramp: Onboarding questions from the group catalogue',
      })) as { prompts: ApiPrompt[] };
    },
  };
}

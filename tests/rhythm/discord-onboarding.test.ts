// Discord Onboarding from the catalogue: the payload stays within Discord's limits and every answer grants a real role.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planOnboarding, snowflakeFactory, type OnboardingGroup } from '../../adapters/discord/onboarding.js';
import { runCli } from '../../src/cli/index.js';
import { startFakeDiscord, snowflake, type FakeDiscord } from '../discord/fake-discord.js';
import { onboardingProblems } from '../discord/fake-limits.js';

let fake: FakeDiscord;
beforeEach(async () => {
  fake = await startFakeDiscord({
    channels: ['sig-docs', 'sig-node', 'wg-batch', 'steering-committee'],
    onboarding: true,
  });
  // A role named like a group by its name, another by its id: both are reused, never duplicated.
  fake.roles.push(
    { id: snowflake(), name: 'Network', permissions: '0', managed: false },
    { id: snowflake(), name: 'sig-docs', permissions: '0', managed: false },
  );
  // A question the server's admins wrote themselves stays as it is.
  fake.onboarding.prompts.push({
    id: snowflake(),
    type: 0,
    title: 'Pronouns?',
    options: [
      { id: snowflake(), title: 'they/them', description: null, role_ids: [fake.roles[0].id], channel_ids: [] },
    ],
    single_select: false,
    required: false,
    in_onboarding: true,
  });
});
afterEach(async () => fake.close());

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const env = {
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.appId,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_GUILD_IDS: fake.guildId,
    LOG_LEVEL: 'silent',
  };
  const code = await runCli(['discord', 'onboarding', ...args], {
    env,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out, err };
}
const writes = () => fake.requests.filter((r) => r.method !== 'GET');
const role = (name: string) => fake.roles.find((r) => r.name === name);

describe('discord onboarding', () => {
  it('--dry-run --json prints the exact body on its last line, reads the server and writes nothing', async () => {
    const { code, out } = await cli('--dry-run', '--json');
    expect(code).toBe(0);
    expect(writes()).toEqual([]);
    const body = JSON.parse(out.at(-1)!);
    expect(body.prompts.map((p: { title: string }) => p.title)).toEqual([
      'Pronouns?',
      'Which SIGs interest you?',
      'Which working groups interest you?',
      'Which committees interest you?',
    ]);
    const sigs = body.prompts[1].options;
    const network = sigs.find((o: { title: string }) => o.title === 'Network');
    expect(network).toMatchObject({ role_ids: [role('Network').id], channel_ids: [fake.channels.sigNetwork] });
    expect(sigs.find((o: { title: string }) => o.title === 'Docs').role_ids).toEqual([role('sig-docs').id]);
    expect(sigs.find((o: { title: string }) => o.title === 'Node').role_ids).toEqual(['role:sig-node']);
    expect(out.join('\n')).toContain('Roles to create (--apply): sig-api-machinery');
  });

  it('--apply creates only the missing roles, then writes questions Discord accepts, each answer granting an existing role', async () => {
    const { code, out, err } = await cli('--apply');
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out[0]).toMatch(/written for server \d+: 4 question\(s\)/);
    const put = fake.requests.find((r) => r.method === 'PUT' && r.path.endsWith('/onboarding'))!;
    expect(put.status).toBe(200);
    const roleIds = new Set(fake.roles.map((r) => r.id));
    const options = fake.onboarding.prompts.flatMap((p) => p.options);
    expect(options.every((o: { role_ids: string[] }) => o.role_ids.length === 1 && roleIds.has(o.role_ids[0]!))).toBe(
      true,
    );
    expect(fake.roles.filter((r) => /network/i.test(r.name)).map((r) => r.name)).toEqual(['Network']);
    expect(role('sig-node')).toBeDefined();
    expect(fake.onboarding.prompts[0].title).toBe('Pronouns?');

    // Run again: nothing new to create, and the same questions keep their ids (members' picks stay).
    const ids = fake.onboarding.prompts.map((p) => p.id);
    const roles = fake.roles.length;
    expect((await cli('--apply')).code).toBe(0);
    expect(fake.roles.length).toBe(roles);
    expect(fake.onboarding.prompts.map((p) => p.id)).toEqual(ids);
  });

  it("keeps within Discord's limits with a large catalogue, leaving the rest to /sig", () => {
    const kinds = Array.from({ length: 20 }, (_, i) => ({
      id: `k${i}`,
      title: `Which kind ${i} groups interest you? ${'x'.repeat(120)}`,
    }));
    const groups: OnboardingGroup[] = [];
    for (let n = 0; n < 80; n++)
      groups.push({
        id: `g${n}`,
        name: `Group ${n} ${'y'.repeat(n % 3 === 0 ? 80 : 0)}`,
        kind: 'k0',
        description: 'z'.repeat(300),
      });
    for (let k = 1; k < 20; k++)
      groups.push({ id: `g-k${k}`, name: `Only of kind ${k}`, kind: `k${k}`, description: '' });
    const roles = groups.map((g) => ({ id: snowflake(), name: g.id }));
    const plan = planOnboarding(kinds, groups, { roles, channels: [], prompts: [] }, snowflakeFactory());
    expect(onboardingProblems(plan.body, new Set(roles.map((r) => r.id)), new Set())).toEqual([]);
    expect(plan.body.prompts).toHaveLength(15);
    expect(plan.body.prompts[0]!.options).toHaveLength(50);
    expect(plan.leftOut.map((g) => g.id)).toEqual([
      ...groups.slice(50, 80).map((g) => g.id),
      'g-k15',
      'g-k16',
      'g-k17',
      'g-k18',
      'g-k19',
    ]);
  });
});

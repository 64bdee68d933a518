// The whole bot (every capability, real content and store) behind the in-memory test adapter.
import { capabilities } from '../../src/capabilities/index.js';
import { createBot } from '../../src/wiring/bot.js';
import type { Capability } from '../../src/core/capability.js';
import type { Deps } from '../../src/wiring/deps.js';
import type { Origin } from '../../src/core/types.js';
import { testDeps, type TestDepsOptions } from './deps.js';
import { createTestAdapter } from './test-adapter.js';

export interface TestBotOptions<D extends Deps> extends TestDepsOptions {
  /** Deps to use instead of fresh testDeps (a GitHub side, a clock). */
  deps?: D;
  origin?: Partial<Origin>;
  capabilities?: readonly Capability[];
}

type FreshDeps = Awaited<ReturnType<typeof testDeps>>;

export async function startTestBot<D extends Deps = FreshDeps>(options: TestBotOptions<D> = {}) {
  const deps = (options.deps ?? (await testDeps(options))) as D;
  const adapter = createTestAdapter(options.origin);
  await adapter.start(createBot(deps, options.capabilities ?? capabilities).dispatch);
  return { deps, adapter, me: { platform: 'test', workspaceId: 'W1', userId: 'U1' } };
}

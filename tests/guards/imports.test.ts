// Import boundaries: each SDK in its layer, a leaf core, capabilities behind ports, adapters only in composition roots.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkImports } from './import-rules.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.posix.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

const tree = (list: string[]) => Object.fromEntries(list.map((f) => [f, readFileSync(f, 'utf8')]));

describe('import boundaries', () => {
  const all = [...files('src'), ...files('adapters')];

  it('hold over the whole source tree', () => {
    expect(checkImports(tree(all))).toEqual([]);
  });

  it('fail on a core that imports the store, even for a type', () => {
    const broken = checkImports({ 'src/core/bot.ts': "import type { Store } from '../store/store.js';\n" });
    expect(broken).toEqual([
      'src/core/bot.ts imports ../store/store.js: src/core is a leaf: it imports only src/core (types too)',
    ]);
  });

  it('fail on a capability that reaches the store, GitHub internals or another capability', () => {
    const broken = checkImports({
      'src/capabilities/issues.ts': [
        "import { createClaimRepo } from '../store/claims.js';",
        "import type { Claim } from '../store/claims.js';",
        "import { createGithub } from '../github/create.js';",
        "import { take } from './claim-take.js';",
        "import { SHARE_BUTTON } from '../jobs/journey-prs.js';",
      ].join('\n'),
    });
    expect(broken).toHaveLength(5);
    expect(broken[0]).toMatch(/issues\.ts imports \.\.\/store\/claims\.js: the store/);
    expect(broken[3]).toMatch(/another capability/);
  });

  it('let a capability use its own family, shared helpers, views and ports; only ports.ts names store types', () => {
    const ok = checkImports({
      'src/capabilities/claim-take.ts': [
        "import { resolveTarget } from './claim-target.js';",
        "import { pick } from './shared/issue-picks.js';",
        "import { issueItem } from '../views/issue-view.js';",
        "import type { Claims } from './ports.js';",
        "import type { IssueCheck } from '../github/ports.js';",
      ].join('\n'),
      'src/capabilities/issues.ts': "import { parseFilters } from './issue-filters.js';",
      'src/capabilities/ports.ts': "import type { Claim } from '../store/claims.js';",
    });
    expect(ok).toEqual([]);
    expect(
      checkImports({ 'src/capabilities/ports.ts': "import { createClaimRepo } from '../store/claims.js';" }),
    ).toHaveLength(1);
  });

  it('let only composition roots import adapters/', () => {
    const slack = "import { createSlackAdapter } from '../adapters/slack/index.js';";
    expect(checkImports({ 'src/main.ts': slack, 'src/platforms.ts': slack })).toEqual([]);
    expect(checkImports({ 'src/cli/digest.ts': "import { x } from '../../adapters/discord/index.js';" })).toEqual([]);
    expect(
      checkImports({ 'src/jobs/weekly-digest.ts': "import { x } from '../../adapters/slack/index.js';" }),
    ).toHaveLength(1);
    expect(checkImports({ 'adapters/slack/index.ts': "import { x } from '../discord/render.js';" })).toHaveLength(1);
    expect(checkImports({ 'adapters/slack/index.ts': "import { x } from '../../src/store/store.js';" })).toHaveLength(
      1,
    );
  });

  it('keep each SDK in its layer', () => {
    expect(checkImports({ 'src/capabilities/sig.ts': "import { WebClient } from '@slack/bolt';" })).toHaveLength(1);
    expect(checkImports({ 'src/jobs/x.ts': "import { Kysely } from 'kysely';" })).toHaveLength(1);
  });
});

// community.yaml's `commands`: a community's own names for commands, refused with one line each when unusable.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliRun } from '../helpers/cli.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'onramp-commands-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
/** Fernwood's content with its `commands:` line replaced. */
function fernwoodWith(commands: string): string {
  const dir = path.join(root, `c${++n}`);
  cpSync('tests/fixtures/fernwood', dir, { recursive: true });
  const file = path.join(dir, 'community.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^commands: .*$/m, `commands: ${commands}`));
  return dir;
}

async function problems(commands: string) {
  const dir = fernwoodWith(commands);
  const r = await cliRun(['check-config'], { CONTENT_DIR: dir });
  return { code: r.code, err: r.err.map((line) => line.replace(`${dir}/`, '')) };
}

describe('command names in community.yaml', () => {
  it("accepts Fernwood's { sig: team }", async () => {
    expect((await problems('{ sig: team }')).code).toBe(0);
  });

  it('refuses a name Discord would refuse, one line naming the field', async () => {
    expect(await problems('{ sig: Team }')).toEqual({
      code: 1,
      err: ['community.yaml: commands.sig: expected lowercase letters'],
    });
    expect((await problems('{ sig: "/team" }')).err).toEqual([
      expect.stringMatching(/^community\.yaml: commands\.sig: expected 1 to 32 letters/),
    ]);
    expect((await problems(`{ sig: ${'t'.repeat(33)} }`)).err).toHaveLength(1);
  });

  it('refuses two commands with one name, and a name that is another command', async () => {
    expect((await problems('{ sig: team, issues: team }')).err).toEqual([
      'community.yaml: commands.issues: "team" is already the name of sig',
    ]);
    expect((await problems('{ sig: help }')).err).toEqual([
      'community.yaml: commands.sig: "help" is the name of another command',
    ]);
  });

  it('refuses a name for a command that does not exist', async () => {
    const r = await problems('{ sgi: team }');
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      expect.stringMatching(
        /^community\.yaml: commands\.sgi: no command "sgi" to rename \(commands: contribute, sig, /,
      ),
    ]);
  });
});

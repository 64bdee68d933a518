// What a community writes in content decides its groups, languages, starter issues and claim rules (Fernwood as the example).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { claimRuleFor, openToNewcomers } from '../../src/content/claim-rules.js';
import { findSig } from '../../src/content/find-sig.js';
import { loadContent } from '../../src/content/load.js';
import { isStarterIssue } from '../../src/content/starter.js';
import { holderOf } from '../../src/github/issue-holder.js';
import { buildQueries } from '../../src/github/queries.js';
import type { FakeGithub } from '../github/fake-github.js';
import { botSetup } from '../github/setup.js';
import { cliRun } from '../helpers/cli.js';
import { problemsOf } from '../helpers/content.js';

const FERNWOOD = 'tests/fixtures/fernwood';

let fake: FakeGithub | undefined;
afterEach(async () => fake?.close());

function copyOf(dir: string, edit: (file: string, text: string) => string): string {
  const to = mkdtempSync(path.join(os.tmpdir(), 'onramp-content-'));
  cpSync(dir, to, { recursive: true });
  for (const name of ['community.yaml', 'groups.yaml', 'faq.yaml']) {
    const file = path.join(to, name);
    writeFileSync(file, edit(name, readFileSync(file, 'utf8')));
  }
  return to;
}

describe('a community by content alone', () => {
  it('loads free-form group ids, their kinds and the languages its locale files add (French, not given, is dropped)', async () => {
    const content = await loadContent({ dir: FERNWOOD });
    expect(content.sigs.map((s) => `${s.id}:${s.kind}`)).toEqual([
      'reader-core:team',
      'android:team',
      'handbook:team',
      't-l10n:team',
      'accessibility:guild',
    ]);
    expect(Object.keys(content.locales).sort()).toEqual(['en', 'es']);
    expect(content.locales.es!['contribute.button_sigs']).toBe('Elegir un equipo');
    expect(content.locales.en!['sig.kind_guild']).toBe('cross-team guild');
    // Partly translated Spanish is a warning per missing message, never a failure.
    expect(content.warnings).toContain(
      `${path.join(FERNWOOD, 'locales/es.json')}: github.none: missing (present in en.json); English is used`,
    );
    expect(findSig(content, 'localisation')?.id).toBe('t-l10n');
    expect(findSig(content, 'team handbook')?.id).toBe('handbook'); // a kind's name before the group's
    expect(findSig(content, 'Reader Core')?.id).toBe('reader-core');
  });

  it('reports each mistake on its own line, naming file and field', async () => {
    const dir = copyOf(FERNWOOD, (file, text) => {
      if (file === 'groups.yaml')
        return text.replace('kind: guild', 'kind: squad').replace('id: android', 'id: Android App');
      if (file === 'community.yaml')
        return text
          .replace('        command: "@fernbot claim"\n', '')
          .replace('es: { one: gremio', 'xx1: { one: gremio')
          .replace('maxOpen: 2', 'maxOpen: 0');
      return text;
    });
    const problems = await problemsOf(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        `${path.join(dir, 'community.yaml')}: github.claim.rules[0].command: step "command" needs the command to comment`,
        `${path.join(dir, 'community.yaml')}: github.claim.default.maxOpen: Too small: expected number to be >=1`,
        `${path.join(dir, 'community.yaml')}: groupKinds.guild.xx1: expected a language code such as en, fr or es`,
        `${path.join(dir, 'groups.yaml')}: groups[1].id: expected lowercase letters, digits and -`,
      ]),
    );
    // Kinds are checked against a valid community.yaml: here, one that names no "squad".
    const kinds = copyOf(FERNWOOD, (file, text) =>
      file === 'groups.yaml' ? text.replace('kind: guild', 'kind: squad') : text,
    );
    expect(await problemsOf(kinds)).toEqual([
      `${path.join(kinds, 'groups.yaml')}: groups[4].kind: unknown kind "squad" (community.yaml groupKinds has team, guild)`,
    ]);
  });

  it('check-config passes a partly translated language with warnings, and names a DEFAULT_LOCALE the content lacks', async () => {
    const ok = await cliRun(['check-config'], { CONTENT_DIR: FERNWOOD, DATABASE_URL: 'sqlite::memory:' });
    expect(ok.code).toBe(0);
    expect(ok.out.at(-1)).toMatch(/configuration is valid: 5 groups, 3 FAQ entries/);
    expect(ok.out.filter((l) => l.startsWith('warning: ')).length).toBeGreaterThan(10);
    const bad = await cliRun(['check-config'], {
      CONTENT_DIR: FERNWOOD,
      DATABASE_URL: 'sqlite::memory:',
      DEFAULT_LOCALE: 'fr',
    });
    expect(bad.code).toBe(1);
    expect(bad.err).toEqual([`DEFAULT_LOCALE: "fr" has no ${FERNWOOD}/locales/fr.json (the content speaks en, es)`]);
  });
});

describe('claim rules', () => {
  it('let the repository win over its organisation, and the organisation over the default, field by field', async () => {
    const { community } = await loadContent({ dir: FERNWOOD });
    const reader = claimRuleFor(community, { owner: 'fernwood-reader', repo: 'reader' });
    expect(reader).toMatchObject({
      step: 'command',
      command: '@fernbot claim',
      maxOpen: 2,
      membersOnlyExcept: ['E-easy', 'good first issue'],
    });
    const handbook = claimRuleFor(community, { owner: 'Fernwood-Reader', repo: 'handbook' });
    expect(handbook.step).toBe('draft-pr');
    expect(handbook.command).toBeUndefined(); // a draft pull request has no command to inherit
    expect(handbook.aiPolicy).toBe('https://fernwood.example.org/contributing/ai-assistance');
    expect(claimRuleFor(community, { owner: 'inkwell-type', repo: 'hyphenation' }).step).toBe('comment');
    expect(openToNewcomers(reader, ['A-core'])).toBe(false);
    expect(openToNewcomers(reader, ['e-easy'])).toBe(true);
  });
});

describe('starter issues', () => {
  it('ask GitHub for every starter label with the required ones and without the excluded ones', async () => {
    const { community } = await loadContent({ dir: FERNWOOD });
    const github = { ...community.github, requireLabels: ['triaged'] };
    expect(buildQueries(github).map((q) => q.q)).toEqual([
      'is:issue is:open no:assignee -linked:pr archived:false label:"E-easy" label:"triaged" -label:"S-blocked" org:fernwood-reader repo:inkwell-type/hyphenation',
      'is:issue is:open no:assignee -linked:pr archived:false label:"good first issue" label:"triaged" -label:"S-blocked" org:fernwood-reader repo:inkwell-type/hyphenation',
    ]);
    expect(isStarterIssue(github, ['E-easy', 'triaged'])).toBe(true);
    expect(isStarterIssue(github, ['E-easy'])).toBe(false);
    expect(isStarterIssue(github, ['E-easy', 'triaged', 's-blocked'])).toBe(false);
  });

  it("count an issue assigned to an automation account as taken, even without the person's login", () => {
    const base = { state: 'assigned' as const, title: 't', labels: [], signals: [] };
    expect(holderOf({ ...base, assignees: ['fernbot'], automation: ['fernbot'] }, null)).toBe('someone_else');
    expect(holderOf({ ...base, assignees: ['ana'] }, null)).toBe('unknown');
    expect(holderOf({ ...base, assignees: ['ana', 'fernbot'], automation: ['fernbot'] }, 'ana')).toBe('theirs');
  });
});

describe('claiming against GitHub with a second community', () => {
  async function world() {
    const content = await loadContent({ dir: FERNWOOD });
    const s = await botSetup({ content });
    fake = s.fake;
    s.fake.addIssue('fernwood-reader/reader', 812, { title: 'Hyphenate spans', labels: ['E-easy', 'A-core'] });
    s.fake.addIssue('fernwood-reader/reader', 900, { title: 'Rewrite the cache', labels: ['A-core'] });
    s.fake.addIssue('fernwood-reader/reader', 901, { title: 'Blocked one', labels: ['E-easy', 'S-blocked'] });
    s.fake.addIssue('fernwood-reader/android', 240, {
      title: 'Agent work',
      labels: ['E-easy'],
      assignees: ['copilot-swe-agent[bot]'],
    });
    await s.side.refresh();
    return s;
  }

  it('indexes only starter issues, says where only members may claim, and offers the ones open to newcomers', async () => {
    const s = await world();
    const listed = await s.adapter.command('issues');
    expect(listed.text).toMatch(/reader#812/);
    expect(listed.text).not.toMatch(/#900|#901|#240/);
    const refused = await s.adapter.say('I want to work on fernwood-reader/reader#900');
    expect(refused.text).toMatch(
      /In fernwood-reader\/reader, only project members take issues, except those labelled "E-easy", "good first issue"/,
    );
    expect(refused.text).toMatch(/Hyphenate spans/);
    expect(await s.deps.store.claims.allOpen()).toEqual([]);
  });
});

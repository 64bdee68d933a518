// A community that is not Kubernetes (Fernwood, in tests/fixtures/fernwood/): teams, its own claim bot, English and Spanish.
import { describe, expect, it } from 'vitest';
import { exchanges, runConsole } from '../helpers/console.js';
import { startTestBot } from '../helpers/test-bot.js';
import { loadContent } from '../../src/content/load.js';
import { createSampleGithub, createSampleIndex, loadSample } from '../../src/github/sample.js';
import { buildCommands } from '../../adapters/discord/commands.js';
import { capabilities } from '../../src/capabilities/index.js';
import { commandSpecs, createLookup } from '../../src/core/commands.js';
import { createTranslator } from '../../src/core/i18n.js';

const FERNWOOD = 'tests/fixtures/fernwood';
const env = { CONTENT_DIR: FERNWOOD, ISSUES_SOURCE: 'sample' };
/**
 * Words Fernwood's content never uses, so the bot must not either: not "SIG" as a word, nor `/sig` as a
 * command (Fernwood's community.yaml names it `/team`).
 */
const FOREIGN_WORDS = /kubernetes|\bk8s\b|\bprow\b|\/assign\b|\bsigs?\b/i;
const speaksOwnWords = (s: string) => !FOREIGN_WORDS.test(s);

describe('a second community on the console', () => {
  it('onboards, recommends a team, lists and claims issues with its own bot command, in English', async () => {
    const lines = [
      'how do I contribute?',
      '/team',
      'I know Rust and typography, which team should I join?',
      '/issues',
      'I want to work on fernwood-reader/reader#812',
      'I give up on #812',
    ];
    const turns = exchanges(await runConsole(lines, env));
    expect(turns.map(([line]) => line)).toEqual(lines);
    const [path, list, recommend, issues, claim, release] = turns.map(([, reply]) => reply);
    expect(path).toMatch(/Contributing to Fernwood Reader takes five steps/);
    expect(path).toMatch(/\[1\] Pick a team/);
    expect(list).toMatch(/Reader Core — reader-core[\s\S]*Localisation — t-l10n/);
    expect(list).toMatch(/Pick a team to join/);
    expect(recommend).toMatch(/Reader Core \(reader-core\)/);
    expect(recommend).toMatch(/Why: you mentioned Rust, typography/);
    // Starter labels are the community's; an issue labelled S-blocked is left out.
    expect(issues).toMatch(/fernwood-reader\/reader#812 · E-easy, A-core · opened yesterday · Team Reader Core · Rust/);
    expect(issues).not.toMatch(/#777/);
    expect(claim).toMatch(/and comment @fernbot claim: the project's bot assigns the issue to you/);
    expect(claim).toMatch(
      /policy on AI-assisted contributions first: https:\/\/fernwood\.example\.org\/contributing\/ai-assistance/,
    );
    expect(claim).toMatch(/Ask in #fw-core/);
    expect(release).toMatch(/comment @fernbot release there too/);
    for (const [line, reply] of turns) expect(reply, line).toSatisfy(speaksOwnWords);
  });

  it('speaks Spanish from its own locale file, with its group words, and refuses a language it has no file for', async () => {
    const lines = [
      '/language es',
      '/contribute',
      '/help',
      '/issues',
      '/claim fernwood-reader/handbook#58',
      '/language fr',
      '/sog',
    ];
    const turns = exchanges(await runConsole(lines, env));
    const [set, path, help, issues, claim, french, unknown] = turns.map(([, reply]) => reply);
    expect(set).toBe('Hecho: te responderé en español.');
    expect(path).toMatch(/Contribuir a Fernwood Reader lleva cinco pasos/);
    expect(path).toMatch(/\[1\] Elegir un equipo/);
    expect(help).toMatch(/• \/team \[interests[^\n]*— ver los equipos, ver uno en detalle/);
    expect(path).toMatch(/te sugeriré uno \(\/team\)/);
    expect(issues).toMatch(/Equipo Reader Core/);
    // The handbook claims by draft pull request: that step, in Spanish.
    expect(claim).toMatch(
      /aquí nadie reserva issues[\s\S]*pull request en borrador que mencione fernwood-reader\/handbook#58/,
    );
    expect(french).toMatch(/Choose one of: en, es, auto|Elige uno de: en, es, auto/);
    expect(unknown).toMatch(/\/contribute, \/team, \/issues/);
    for (const [line, reply] of turns) expect(reply, line).toSatisfy(speaksOwnWords);
  });

  it('understands Spanish from its own examples: questions written in Spanish get Spanish answers of the right kind', async () => {
    const lines = [
      '¿cómo puedo contribuir?',
      '¿hay issues fáciles?',
      'sé Kotlin y me gusta el móvil, ¿qué equipo me recomiendas?',
      'quiero trabajar en #812',
    ];
    const turns = exchanges(await runConsole(lines, env));
    const [path, issues, recommend, claim] = turns.map(([, reply]) => reply);
    expect(path).toMatch(/Contribuir a Fernwood Reader lleva cinco pasos/);
    expect(issues).toMatch(/Issues fáciles que están libres ahora mismo/);
    expect(issues).toMatch(/fernwood-reader\/reader#812 · E-easy, A-core · abierta ayer · Equipo Reader Core/);
    expect(recommend).toMatch(/estos grupos encajan mejor:\n• Android App \(android\)/);
    expect(recommend).toMatch(/Por qué: mencionaste Kotlin/);
    // A bare #812 is the one just listed.
    expect(claim).toMatch(
      /Hyphenate words split across EPUB spans \(fernwood-reader\/reader#812\) es tuya para intentarlo/,
    );
    expect(claim).toMatch(/es tuya para intentarlo/);
    expect(claim).toMatch(/comenta @fernbot claim: el bot del proyecto te asigna la issue/);
    for (const [line, reply] of turns) expect(reply, line).toSatisfy(speaksOwnWords);
  });

  it('holds a newcomer to its own cap of open claims (2), not the default', async () => {
    const lines = [
      '/claim fernwood-reader/reader#812',
      '/claim fernwood-reader/reader#790',
      '/claim fernwood-reader/android#233',
    ];
    const turns = exchanges(await runConsole(lines, env));
    expect(turns[1]![1]).toMatch(/is yours to try/);
    expect(turns[2]![1]).toMatch(/You're already working on 2 issues/);
  });
});

describe('a second community on the test adapter', () => {
  async function fernwoodBot() {
    const content = await loadContent({ dir: FERNWOOD });
    const now = () => new Date('2026-11-27T10:00:00Z');
    const sample = await loadSample(FERNWOOD, content, 'https://github.com', now());
    return startTestBot({
      content,
      issues: createSampleIndex(sample),
      github: createSampleGithub(sample, 'https://github.com'),
      now,
    });
  }

  it('onboards and recommends a team in English, then claims in Spanish', async () => {
    const { adapter } = await fernwoodBot();
    const path = await adapter.command('contribute');
    expect(path.text).toMatch(/Tell Fernbot you take it/);
    const teams = await adapter.command('team', 'accessibility screen reader contrast');
    const help = await adapter.command('help');
    expect(help.text).toMatch(/\/team \[interests/);
    expect(teams.text).toMatch(/Accessibility \(accessibility · cross-team guild\)/);
    await adapter.command('language', 'es');
    const claim = await adapter.click('claim', 'fernwood-reader/android#233');
    expect(claim.text).toMatch(/comenta `?@fernbot claim`?: el bot del proyecto te asigna la issue/);
    for (const said of [path, teams, help, claim]) expect(said.text).toSatisfy(speaksOwnWords);
  });

  it('gives no waitlist where nobody claims: a second person hears that the first good pull request wins', async () => {
    const { adapter } = await fernwoodBot();
    await adapter.click('claim', 'fernwood-reader/handbook#61', { userId: 'U1', userName: 'Ana' });
    const second = await adapter.click('claim', 'fernwood-reader/handbook#61', { userId: 'U2', userName: 'Ben' });
    expect(second.text).toMatch(/Nobody reserves issues in this project, so you may still open a pull request/);
    expect(second.text).not.toMatch(/waitlist/);
  });
});

describe('command names from content', () => {
  it("registers Fernwood's /team on Discord with the texts of the command it runs, and Kubernetes keeps /sig", async () => {
    const registered = async (dir: string) => {
      const content = await loadContent({ dir });
      return buildCommands(
        commandSpecs(capabilities, content.community.commands),
        createLookup(createTranslator(content.locales)),
      );
    };
    const fernwood = await registered(FERNWOOD);
    expect(fernwood.map((c) => c.name)).not.toContain('sig');
    const team = fernwood.find((c) => c.name === 'team');
    expect(team?.description).toMatch(/^list the teams, show one/);
    expect(team?.options?.map((o) => o.name)).toEqual(['interests']);
    const kubernetes = await registered('content');
    expect(kubernetes.map((c) => c.name)).toContain('sig');
    expect(kubernetes.map((c) => c.name)).not.toContain('team');
  });

  it('Kubernetes keeps /sig in its texts and its console', async () => {
    const [help, list] = exchanges(await runConsole(['/help', '/sig'], { ISSUES_SOURCE: 'sample' })).map(
      ([, reply]) => reply,
    );
    expect(help).toMatch(/• \/sig \[interests/);
    expect(list).toMatch(/Pick a SIG to join/);
  });
});

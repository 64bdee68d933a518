// The contribute path, help, FAQ answers, the language choice and the welcome, as a person sees them.
import { describe, expect, it } from 'vitest';
import { capabilities } from '../../src/capabilities/index.js';
import { actionsOf } from '../helpers/test-adapter.js';
import { startTestBot } from '../helpers/test-bot.js';

const setup = () => startTestBot();

describe('contribute', () => {
  it('gives the whole path with the community links and the "just say it" advice', async () => {
    const { adapter, deps } = await setup();
    const said = await adapter.command('contribute');
    for (const step of deps.content.community.onboarding) expect(said.text).toContain(step.title.en);
    expect(said.text).toContain(deps.content.community.links.contributorGuide);
    expect(said.text).toMatch(/just say you want to work on it/);
    expect(actionsOf(said.replies)).toContainEqual(['sig.list', 'all']);
  });

  it('answers "comment contribuer ?" in French', async () => {
    const { adapter } = await setup();
    const said = await adapter.say('comment contribuer ?');
    expect(said.text).toMatch(/Bienvenue/);
    expect(said.text).toMatch(/dites simplement que vous voulez y travailler/);
  });

  it('the "Pick a SIG" button leads to the SIG list', async () => {
    const { adapter } = await setup();
    expect((await adapter.click('sig.list', 'all')).text).toContain('sig-network');
  });
});

describe('help', () => {
  it('lists exactly the commands in the registry, each with its description', async () => {
    const { adapter } = await setup();
    const said = await adapter.command('help');
    const commands = capabilities.filter((c) => c.command !== false);
    for (const c of commands) expect(said.text).toContain(c.usage); // the English syntax lines match the code's
    expect(said.text).not.toContain('help.'); // every description is translated
    expect(said.text.match(/^• /gm)).toHaveLength(commands.length);
  });
});

describe('faq', () => {
  it('answers a known question with its links, in the asker language', async () => {
    const { adapter } = await setup();
    const en = await adapter.command('faq', 'how do I sign the CLA?');
    expect(en.text).toMatch(/EasyCLA/);
    expect(en.text).toMatch(/CLA guide/);
    const fr = await adapter.command('faq', 'comment signer la CLA ?');
    expect(fr.text).toMatch(/accord de licence/);
  });

  it('says honestly when it does not know, and points to the guide and the channel', async () => {
    const { adapter, deps } = await setup();
    const said = await adapter.say('what is the airspeed velocity of an unladen swallow', { platform: 'slack' });
    expect(said.text).toMatch(/not sure/);
    expect(said.text).toContain(deps.content.community.links.contributorGuide);
    expect(said.text).toContain('#kubernetes-contributors');
  });

  it('lists topics when asked with no question', async () => {
    const { adapter } = await setup();
    expect((await adapter.command('faq')).text).toMatch(/How do I sign the CLA/);
  });
});

describe('language', () => {
  it('stores a choice, answers in it at once, and goes back to automatic', async () => {
    const { adapter, deps, me } = await setup();
    expect((await adapter.command('language', 'fr')).text).toMatch(/français/);
    expect((await deps.store.users.get(me))?.locale).toBe('fr');
    const aide = (await adapter.command('help')).text;
    expect(aide).toMatch(/Voici ce que je sais faire/);
    // The syntax is French too: the French words the commands accept, not "interests" or "give up".
    expect(aide).toContain('/claim [owner/repo#123 | lien | mes | aide #123 | abandonner #123]');
    expect(aide).toContain('rejoindre id |');
    expect(aide).not.toMatch(/interests|give up/);
    await adapter.command('language', 'auto');
    expect((await deps.store.users.get(me))?.locale).toBeNull();
    expect((await adapter.command('language', 'klingon')).text).toMatch(/not a language I speak/);
  });
});

describe('welcome', () => {
  it('greets someone who joins, privately, by name', async () => {
    const { adapter } = await setup();
    const said = await adapter.join({ userName: 'Grace' });
    expect(said.replies[0]!.private).toBe(true);
    expect(said.text).toMatch(/Welcome to Kubernetes, Grace/);
  });
});

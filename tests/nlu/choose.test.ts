// A choice when unsure: an addressed message the model cannot settle gets one question with buttons, and a click answers.
import { describe, expect, it } from 'vitest';
import { CHOOSE_ACTION } from '../../src/core/bot.js';
import { choiceOf, reaches } from '../../src/nlu/choice.js';
import { testDeps } from '../helpers/deps.js';
import { actionsOf } from '../helpers/test-adapter.js';
import { startTestBot } from '../helpers/test-bot.js';

const AMBIGUOUS = 'networking, maybe?';

/** The real understanding, except that one message is read as torn between finding an issue and a group. */
async function unsureDeps() {
  const deps = await testDeps();
  const understand = deps.nlu.understand.bind(deps.nlu);
  deps.nlu = {
    ...deps.nlu,
    understand(text) {
      const u = understand(text);
      if (text !== AMBIGUOUS) return u;
      return {
        ...u,
        intent: 'recommend_sig',
        confidence: 0.46,
        unsure: true,
        alternatives: [
          { intent: 'recommend_sig', confidence: 0.46 },
          { intent: 'find_issues', confidence: 0.41 },
        ],
      };
    },
  };
  return deps;
}

describe('the unsure rule', () => {
  it('is unsure when the two best are close or the best is middling, and offers only actionable paths', () => {
    const close = choiceOf({
      contribute_howto: 0.02,
      find_issues: 0.45,
      recommend_sig: 0.4,
      claim_issue: 0.03,
      other: 0.1,
    });
    expect(close.unsure).toBe(true);
    expect(close.alternatives.map((a) => a.intent)).toEqual(['find_issues', 'recommend_sig']);
    const clear = choiceOf({
      contribute_howto: 0.01,
      find_issues: 0.95,
      recommend_sig: 0.02,
      claim_issue: 0.01,
      other: 0.01,
    });
    expect(clear.unsure).toBe(false);
    const chatter = choiceOf({
      contribute_howto: 0.02,
      find_issues: 0.02,
      recommend_sig: 0.01,
      claim_issue: 0.01,
      other: 0.94,
    });
    expect(chatter).toEqual({ unsure: false, alternatives: [] });
  });

  it('counts a request as reached when answered right, or when its path is one of the buttons', () => {
    const alternatives = [
      { intent: 'find_issues' as const, confidence: 0.45 },
      { intent: 'recommend_sig' as const, confidence: 0.4 },
    ];
    expect(reaches({ intent: 'find_issues', unsure: true, alternatives }, 'recommend_sig')).toBe(true);
    expect(reaches({ intent: 'find_issues', unsure: true, alternatives }, 'claim_issue')).toBe(false);
    expect(reaches({ intent: 'find_issues', unsure: false, alternatives }, 'recommend_sig')).toBe(false);
  });
});

describe('the choose capability', () => {
  it('asks one short question with a button per likely path instead of guessing', async () => {
    const { adapter } = await startTestBot({ deps: await unsureDeps() });
    const said = await adapter.say(AMBIGUOUS);
    expect(said.replies).toHaveLength(1);
    expect(said.text).toContain(
      'Just to be sure: are you looking for a group to join or looking for an issue to work on?',
    );
    expect(actionsOf(said.replies).map(([id, value]) => [id, JSON.parse(value).intent])).toEqual([
      [CHOOSE_ACTION, 'recommend_sig'],
      [CHOOSE_ACTION, 'find_issues'],
    ]);
  });

  it('answers the chosen path with the words first written, as if that request had been understood', async () => {
    const { adapter } = await startTestBot({ deps: await unsureDeps() });
    const [, group] = actionsOf((await adapter.say(AMBIGUOUS)).replies).find(
      ([, v]) => JSON.parse(v).intent === 'recommend_sig',
    )!;
    const clicked = await adapter.click(CHOOSE_ACTION, group);
    // The same answer a clear request for a group about networking gets.
    const direct = await adapter.command('sig', 'networking');
    expect(clicked.text).toContain('Network');
    expect(clicked.text).toBe(direct.text);
  });

  it('asks in French when the person writes French', async () => {
    const deps = await unsureDeps();
    const understand = deps.nlu.understand.bind(deps.nlu);
    deps.nlu = {
      ...deps.nlu,
      understand: (t) =>
        t === 'le réseau, peut-être ?' ? { ...understand(AMBIGUOUS), lang: 'fr', langConfidence: 0.9 } : understand(t),
    };
    const { adapter } = await startTestBot({ deps });
    expect((await adapter.say('le réseau, peut-être ?')).text).toContain('Pour être sûr : vous êtes à la recherche d');
  });

  it('leaves a sure request to its own capability: no question', async () => {
    const { adapter } = await startTestBot({ deps: await unsureDeps() });
    const said = await adapter.say('how do I contribute?');
    expect(actionsOf(said.replies).some(([id]) => id === CHOOSE_ACTION)).toBe(false);
  });
});

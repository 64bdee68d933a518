// The console quick start on the bundled sample issues, offline: list, claim by number, give back, in French too.
import { describe, expect, it } from 'vitest';
import { exchanges, runConsole } from '../helpers/console.js';

describe('the console quick start, offline, on the bundled sample', () => {
  it('lists sample issues, claims one by its number, gives the step, and gives it back', async () => {
    const turns = exchanges(await runConsole(['/issues', '2', '/claim mine', 'I give up on #51207', '/issues docs']));
    const [list, claimed, mine, gaveUp, docs] = turns.map(([, reply]) => reply);
    expect(list).toMatch(/^Sample issues \(offline demo\)/);
    expect(list).toMatch(/\[2\] I want to work on this/);
    expect(claimed).toMatch(/^Sample issue \(offline demo\)/);
    expect(claimed).toMatch(/Add a glossary entry for "static pod".* \(kubernetes\/website#51207\) is yours to try!/);
    expect(claimed).toMatch(
      /open kubernetes\/website#51207 \(https:\/\/github\.com\/kubernetes\/website\/contribute\) and comment \/assign/,
    );
    expect(claimed).toMatch(/Ask in #sig-docs/);
    expect(mine).toMatch(/working on 1 issue/);
    expect(gaveUp).toMatch(/kubernetes\/website#51207 is free again/);
    expect(docs).toMatch(/Free issues for Docs/);
    expect(docs).toMatch(/kubernetes\/website#51207/);
  });

  it('answers in French with the sample marked as such', async () => {
    const turns = exchanges(await runConsole(['/language fr', '/issues']));
    expect(turns[1]![1]).toMatch(/^Issues d'exemple \(démo hors ligne\)/);
    expect(turns[1]![1]).toMatch(/Je veux travailler dessus/);
  });
});

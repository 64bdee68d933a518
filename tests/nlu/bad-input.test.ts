// Understanding bad input: blank, binary, huge, marked-up and mixed-language text, and the bot never erring on it.
import { beforeAll, describe, expect, it } from 'vitest';
import { createNlu } from '../../src/nlu/index.js';
import type { Nlu } from '../../src/nlu/types.js';
import { realContent } from '../helpers/deps.js';
import { startTestBot } from '../helpers/test-bot.js';

let nlu: Nlu;
beforeAll(async () => {
  nlu = createNlu(await realContent());
});

let seed = 1;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const binary = (n: number) => String.fromCharCode(...Array.from({ length: n }, () => Math.floor(rand() * 65_536)));

describe('bad input', () => {
  it('understands empty and blank text as other, with no entities', () => {
    for (const t of ['', '   ', '\n\t', '\u0000\u0007']) {
      const u = nlu.understand(t);
      expect(u.intent).toBe('other');
      expect(u.entities).toMatchObject({ issues: [], sigs: [], languages: [], interests: [] });
      expect(nlu.recommendSigs(t, 3)).toEqual([]);
    }
  });

  it('survives binary noise and gives a sensible other', () => {
    for (let i = 0; i < 20; i++) {
      const u = nlu.understand(binary(5_000));
      expect(u.intent).toBe('other');
      expect(u.confidence).toBeGreaterThanOrEqual(0);
      expect(u.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('reads only a bounded opening of a huge message: 100 kB more text changes nothing', () => {
    const opening = 'Hi! I would like to contribute, which SIG should I join? I like kube-proxy and DNS. ';
    const padding = 'blah '.repeat(20_000);
    const short = nlu.understand(`${opening}${'x '.repeat(3_000)}`);
    const huge = nlu.understand(`${opening}${'x '.repeat(3_000)}${padding}`);
    expect(huge).toEqual(short);
    expect(nlu.recommendSigs(`${opening}${padding}`, 3)).toEqual(
      nlu.recommendSigs(`${opening}${padding}${padding}`, 3),
    );
    expect(huge.intent).toBe('recommend_sig');
  });

  it('sees through markup and mentions', () => {
    const u = nlu.understand(
      '<@U123> <!here> **Hey** _team_, can I `work` on [this issue](https://github.com/kubernetes/kubernetes/issues/42)? @bob @alice',
    );
    expect(u.intent).toBe('claim_issue');
    expect(u.entities.issues.map((i) => i.number)).toEqual([42]);
    expect(nlu.understand('@user @user @user @user @user').intent).toBe('other');
  });

  it('handles mixed English and French, answering in the language that dominates', () => {
    const mixed = nlu.understand('Bonjour ! je voudrais contribuer mais I only know Go, par où commencer ?');
    expect(mixed.intent).toBe('contribute_howto');
    expect(mixed.lang).toBe('fr');
    expect(mixed.entities.languages).toEqual(['go']);
  });

  it('through the whole bot: hostile messages get an answer or silence, never an error', async () => {
    const { deps, adapter } = await startTestBot();
    const hostile = [
      '',
      'a'.repeat(100_000),
      binary(20_000),
      '<!channel> '.repeat(2_000),
      '**[x](javascript:alert(1))**',
      '\u202e/sig\u202c',
    ];
    for (const line of hostile) {
      const said = await adapter.say(line);
      expect(said.text).not.toMatch(/Sorry, something went wrong/);
      expect(deps.logLines.filter((l) => l.level === 50)).toEqual([]);
    }
  });
});

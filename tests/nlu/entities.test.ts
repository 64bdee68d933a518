// Entity extraction: groups by id, label, name or alias, programming languages, interests, and issue references.
import { beforeAll, describe, expect, it } from 'vitest';
import { createNlu } from '../../src/nlu/index.js';
import type { Nlu } from '../../src/nlu/types.js';
import { realContent } from '../helpers/deps.js';

let nlu: Nlu;
beforeAll(async () => {
  nlu = createNlu(await realContent());
});
const entities = (text: string) => nlu.understand(text).entities;

describe('entities', () => {
  it('names a group by its id, its label, or its name with a group word', () => {
    expect(entities('I would like to join sig-network').sigMentions).toEqual([{ sigId: 'sig-network', how: 'id' }]);
    expect(entities('issues labelled sig/storage?').sigMentions).toEqual([{ sigId: 'sig-storage', how: 'id' }]);
    expect(entities('Tell me about SIG Docs').sigs).toEqual(['sig-docs']);
    expect(entities('who leads the Contributor Experience SIG?').sigMentions).toEqual([
      { sigId: 'sig-contributor-experience', how: 'name' },
    ]);
    expect(entities('is the API Machinery SIG friendly to beginners?').sigs).toEqual(['sig-api-machinery']);
    expect(entities('what does WG Batch work on?').sigs).toEqual(['wg-batch']);
    expect(entities("je voudrais rejoindre l'équipe Docs").sigs).toEqual(['sig-docs']);
  });

  it('knows groups by their aliases, in English and French', () => {
    expect(entities('I like networking').sigMentions).toEqual([{ sigId: 'sig-network', how: 'alias' }]);
    expect(entities('I could help with the docs').sigs).toEqual(['sig-docs']);
    expect(entities('I use kubectl every day').sigs).toEqual(['sig-cli']);
    expect(entities("je m'intéresse au réseau et au stockage").sigs).toEqual(['sig-network', 'sig-storage']);
  });

  it('does not see a group in ordinary words', () => {
    expect(entities('I have a question about the node I am running').sigs).toEqual([]);
    expect(entities('thanks, see you at the meeting').sigs).toEqual([]);
  });

  it('normalises programming languages, and tells Go the language from "go ahead"', () => {
    expect(entities('I know Go, Python 3, JS and a bit of C++').languages).toEqual([
      'go',
      'python',
      'javascript',
      'c++',
    ]);
    expect(entities('mostly golang and TypeScript').languages).toEqual(['go', 'typescript']);
    expect(entities('Go ahead and open a PR, then go through the checklist').languages).toEqual([]);
    expect(entities('je connais le Go et un peu de Rust').languages).toEqual(['go', 'rust']);
  });

  it('finds areas of interest in the catalogue vocabulary, as the person wrote them', () => {
    expect(entities('I am into kube-proxy and DNS').interests).toEqual(expect.arrayContaining(['kube-proxy', 'DNS']));
    expect(entities('volumes and CSI drivers sound fun').interests).toEqual(expect.arrayContaining(['CSI drivers']));
    expect(entities('hello there').interests).toEqual([]);
  });

  it('reads issue and pull request references through the shared extractor', () => {
    const found = entities(
      'can I take #123 or kubernetes/website#45? also https://github.com/kubernetes/kubernetes/pull/9 and https://example.com/x',
    );
    expect(found.issues.map(({ raw, ...r }) => r)).toEqual([
      { owner: 'kubernetes', repo: 'kubernetes', number: 9, kind: 'pull' },
      { number: 123, kind: 'unknown' },
      { owner: 'kubernetes', repo: 'website', number: 45, kind: 'unknown' },
    ]);
    expect(found.otherUrls).toEqual(['https://example.com/x']);
  });
});

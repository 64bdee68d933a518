// Cues of how people ask to contribute (and how maintainers answer): the lexicon is data (content/nlu/cues.yaml).
//
// Each cue is one idea a reader would notice ("asks to be assigned a specific issue", "a maintainer
// telling someone what to do"). The classifier learns how much each cue weighs from the example
// messages; the cues only name what to look at. Patterns run on spelled-out text (lowercase, no
// accents, contractions expanded) and have bounded gaps, so their cost stays linear.

import type { CueSource } from './knowledge-schema.js';

/** Compiled cues, in a fixed order (feature names are the cue names). */
export interface CueSet {
  names: string[];
  patterns: RegExp[];
}

/** Fragments may use fragments defined before them; `{name}` of an unknown fragment is an error. */
function expand(pattern: string, fragments: Map<string, string>, where: string): string {
  return pattern.replace(/\{([a-z][a-z0-9_]*)\}/g, (_m, name: string) => {
    const fragment = fragments.get(name);
    if (fragment === undefined) throw new Error(`${where}: unknown fragment {${name}}`);
    return fragment;
  });
}

/** Turns the cue lexicon (content/nlu/cues.yaml) into patterns; an invalid pattern is an error naming its cue. */
export function compileCues(source: CueSource): CueSet {
  const fragments = new Map<string, string>();
  for (const [name, text] of Object.entries(source.fragments))
    fragments.set(name, expand(text, fragments, `fragments.${name}`));
  const names = Object.keys(source.cues);
  const patterns = names.map((name) => {
    const where = `cues.${name}`;
    try {
      return new RegExp(expand(source.cues[name]!, fragments, where));
    } catch (err) {
      throw new Error(`${where}: ${(err as Error).message}`);
    }
  });
  return { names, patterns };
}

/** The names of the cues present in spelled-out text. */
export function cuesOf(spelled: string, cues: CueSet): string[] {
  const out: string[] = [];
  for (let i = 0; i < cues.names.length; i++) if (cues.patterns[i]!.test(spelled)) out.push(cues.names[i]!);
  return out;
}

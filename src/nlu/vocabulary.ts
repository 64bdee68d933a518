// The vocabulary in use (content's nlu/vocabulary.yaml): word lists that pure functions such as stem() consult.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { vocabularySchema, type Vocabulary } from './knowledge-schema.js';

export interface WordSets {
  generic: ReadonlySet<string>;
  pluralExceptions: ReadonlySet<string>;
  /** Function words of every language the content speaks, in one set (a word is a stopword in any of them). */
  stopwords: ReadonlySet<string>;
  groupWords: Vocabulary['group_words'];
}

const setsOf = (v: Vocabulary): WordSets => ({
  generic: new Set(v.generic_words),
  pluralExceptions: new Set(v.plural_exceptions),
  stopwords: new Set(Object.values(v.stopwords).flat()),
  groupWords: v.group_words,
});

let current: WordSets | undefined;
const listeners: (() => void)[] = [];

/**
 * The word sets now in use: the bundled ones until createNlu() installs a community's. Stemming and
 * stopword checks run in hot loops far from any content object, so the sets live here, once per process.
 */
export function wordSets(): WordSets {
  current ??= setsOf(
    vocabularySchema.parse(
      parse(readFileSync(fileURLToPath(new URL('../../content/nlu/vocabulary.yaml', import.meta.url)), 'utf8')),
    ),
  );
  return current;
}

export function useVocabulary(vocabulary: Vocabulary): void {
  current = setsOf(vocabulary);
  for (const changed of listeners) changed();
}

/** Caches derived from the vocabulary (the stem cache) register here to be cleared when it changes. */
export function onVocabularyChange(changed: () => void): void {
  listeners.push(changed);
}

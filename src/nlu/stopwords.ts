// Function words of the content's languages (nlu/vocabulary.yaml and languages.yaml): ignored when matching meaning.
import { wordSets } from './vocabulary.js';

export function isStopword(word: string): boolean {
  return wordSets().stopwords.has(word);
}

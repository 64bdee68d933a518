// Function words of English and French (content's nlu/vocabulary.yaml): ignored when matching meaning.
import { wordSets } from './vocabulary.js';

export function isStopword(word: string): boolean {
  const { stopwordsEn, stopwordsFr } = wordSets();
  return stopwordsEn.has(word) || stopwordsFr.has(word);
}

// What each group owns, as weighted terms: names, curated keywords, subprojects, descriptions, missions.
import type { Sig } from '../content/types.js';
import { compactForm, isGeneric, termWords } from './terms.js';

/** Longest phrase looked up, in words ("pod topology spread constraints"). */
export const MAX_PHRASE = 4;

/** How much a term counts by where it comes from: the curated vocabulary is the most deliberate. */
const WEIGHT = {
  name: 4,
  keyword: 3,
  subproject: 2.5,
  subprojectWord: 1,
  keywordWord: 0.8,
  description: 0.7,
  mission: 0.5,
} as const;

export interface Posting {
  sigId: string;
  weight: number;
}

export interface SigIndex {
  /** Term key (stemmed words joined by a space, or a compact single word) → groups that own it. */
  postings: Map<string, Posting[]>;
  /** Inverse group frequency of each key: owned by few groups, it says more. */
  idf: Map<string, number>;
  /** Every proper prefix of a phrase key: a phrase is only extended while it can still match. */
  prefixes: Set<string>;
  kinds: Map<string, Sig['kind']>;
  size: number;
}

function add(byKey: Map<string, Map<string, Posting>>, key: string, posting: Posting) {
  if (!key) return;
  let bySig = byKey.get(key);
  if (!bySig) byKey.set(key, (bySig = new Map()));
  const had = bySig.get(posting.sigId);
  // A term named by several sources counts once, at its strongest.
  if (!had || had.weight < posting.weight) bySig.set(posting.sigId, posting);
}

/** A curated phrase: matched whole (and in its compact spelling); its words count a little on their own. */
function addPhrase(
  byKey: Map<string, Map<string, Posting>>,
  sigId: string,
  phrase: string,
  weight: number,
  wordWeight: number,
) {
  const words = termWords(phrase);
  if (words.length === 0) return;
  if (words.length <= MAX_PHRASE) add(byKey, words.join(' '), { sigId, weight });
  if (words.length > 1) {
    add(byKey, compactForm(phrase), { sigId, weight });
    for (const w of words) if (!isGeneric(w)) add(byKey, w, { sigId, weight: wordWeight });
  }
}

/** Running text (descriptions, missions): its content words, each at a low weight. */
function addProse(byKey: Map<string, Map<string, Posting>>, sigId: string, text: string, weight: number) {
  for (const w of termWords(text)) if (!isGeneric(w)) add(byKey, w, { sigId, weight });
}

export function buildSigIndex(sigs: readonly Sig[]): SigIndex {
  const byKey = new Map<string, Map<string, Posting>>();
  for (const sig of sigs) {
    const bare = sig.id.replace(/^(sig|wg|committee|ug)-/, '');
    addPhrase(byKey, sig.id, sig.name, WEIGHT.name, WEIGHT.name / 2);
    addPhrase(byKey, sig.id, bare.replace(/-/g, ' '), WEIGHT.name, WEIGHT.name / 2);
    for (const k of sig.keywords) addPhrase(byKey, sig.id, k, WEIGHT.keyword, WEIGHT.keywordWord);
    for (const sub of sig.subprojects) {
      addPhrase(byKey, sig.id, sub.name, WEIGHT.subproject, WEIGHT.subprojectWord);
      for (const k of sub.keywords) {
        // Imported subproject descriptions are sentences; curated subproject keywords are short phrases.
        if (k.split(/\s+/).length > MAX_PHRASE) addProse(byKey, sig.id, k, WEIGHT.mission);
        else addPhrase(byKey, sig.id, k, WEIGHT.keyword, WEIGHT.keywordWord);
      }
    }
    addProse(byKey, sig.id, sig.description.en, WEIGHT.description);
    if (sig.description.fr) addProse(byKey, sig.id, sig.description.fr, WEIGHT.description);
    if (sig.mission) addProse(byKey, sig.id, sig.mission, WEIGHT.mission);
  }
  const n = Math.max(1, sigs.length);
  const postings = new Map<string, Posting[]>();
  const idf = new Map<string, number>();
  const prefixes = new Set<string>();
  for (const [key, bySig] of byKey) {
    postings.set(key, [...bySig.values()]);
    idf.set(key, Math.log(1 + n / bySig.size));
    const words = key.split(' ');
    for (let i = 1; i < words.length; i++) prefixes.add(words.slice(0, i).join(' '));
  }
  return { postings, idf, prefixes, kinds: new Map(sigs.map((s) => [s.id, s.kind])), size: sigs.length };
}

// Ranks every group for free text: weighted terms found in the text, phrases first, with the reasons.
import { MAX_PHRASE, type SigIndex } from './sig-index.js';
import { spelled, type Terms } from './terms.js';

/** Words read from a message: a KEP summary fits easily; a pasted log does not make ranking slower. */
export const MAX_RANKED_WORDS = 400;
/**
 * Working groups and committees are shown (marked as such), but a SIG that owns the same words comes first:
 * SIGs own the code and the proposals, working groups are cross-SIG forums.
 */
const KIND_FACTOR: Record<string, number> = { sig: 1, wg: 0.6, committee: 0.5, ug: 0.5 };
/** A term said again and again is what the text is about; the gain grows slowly. */
const REPEAT_GAIN = 0.5;
/** A longer phrase is a more deliberate match than its words would be apart. */
const phraseBonus = (words: number) => 1 + 0.6 * (words - 1);

/** From this posting weight up, a match is one of the catalogue's own terms for the group. */
const CURATED = 2.5;
/** Below this posting weight a match came from running prose: it ranks, but is never shown as a reason. */
const SHOWN = 0.8;

interface Match {
  score: number;
  weight: number;
  count: number;
  /** Where the term first appears, to quote it as written. */
  at: number;
  len: number;
}

export interface Ranked {
  sigId: string;
  score: number;
  matches: Match[];
}

/** `terms` are the message's words (see terms.ts), in order. */
export function rankSigs(index: SigIndex, terms: Terms): Ranked[] {
  const words = terms.stems;
  const hits = new Map<string, Map<string, Match>>();
  const end = Math.min(words.length, MAX_RANKED_WORDS);
  for (let i = 0; i < end; i++) {
    let key = '';
    for (let len = 1; len <= MAX_PHRASE && i + len <= end; len++) {
      key = len === 1 ? words[i]! : `${key} ${words[i + len - 1]}`;
      const postings = index.postings.get(key);
      if (postings) {
        const idf = index.idf.get(key)!;
        for (const p of postings) {
          let bySig = hits.get(p.sigId);
          if (!bySig) hits.set(p.sigId, (bySig = new Map()));
          const had = bySig.get(key);
          if (had) had.count += 1;
          else bySig.set(key, { score: p.weight * idf * phraseBonus(len), weight: p.weight, count: 1, at: i, len });
        }
      }
      if (!index.prefixes.has(key)) break;
    }
  }
  const ranked: Ranked[] = [];
  for (const [sigId, byKey] of hits) {
    const matches = [...byKey.values()];
    let score = 0;
    for (const m of matches) score += total(m);
    score *= KIND_FACTOR[index.kinds.get(sigId) ?? 'sig'] ?? 1;
    ranked.push({ sigId, score: Number(score.toFixed(3)), matches });
  }
  // Ties break by id so the order never depends on insertion.
  return ranked.sort((a, b) => b.score - a.score || a.sigId.localeCompare(b.sigId));
}

const total = (m: Match) => m.score * (1 + REPEAT_GAIN * Math.log(m.count));

/**
 * Why a group was ranked, in the person's own spelling: `reasons` to show (never words of running prose),
 * `curated` the catalogue's own terms among them (interests). Only asked for the groups actually shown.
 */
export function explain(ranked: Ranked, terms: Terms): { reasons: string[]; curated: string[] } {
  const strongest = [...ranked.matches].sort((a, b) => total(b) - total(a));
  const reasons: string[] = [];
  const curated: string[] = [];
  for (const m of strongest) {
    if (m.weight < SHOWN) continue;
    const display = spelled(terms, m.at, m.at + m.len - 1);
    const lower = display.toLowerCase();
    // "proxy" says nothing more once "kube-proxy" is shown.
    if (reasons.some((r) => r.toLowerCase().includes(lower))) continue;
    reasons.push(display);
    if (m.weight >= CURATED) curated.push(display);
  }
  return { reasons, curated };
}

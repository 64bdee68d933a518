// Tells which of the content's languages a message is in, from its nlu/languages.yaml: words, strong words and
// spellings per language; deterministic, instant, good on short text.
import type { Locale } from '../core/types.js';
import type { LanguageProfiles } from './knowledge-schema.js';
import { bundledKnowledge } from './knowledge.js';
import { normalize } from './tokenize.js';

export interface LanguageGuess {
  lang: Locale;
  confidence: number;
}

export type DetectLanguage = (text: string, fallback?: Locale) => LanguageGuess;

/** Points for a word that settles the language alone, and for an ordinary word of one language. */
const STRONG_POINTS = 2;
const WORD_POINTS = 1;

/**
 * Compiles the profiles once. A word listed by two languages counts for neither (it says nothing about
 * which one it is), and a language's strong words outrank its ordinary ones.
 */
export function createLanguageDetector(profiles: LanguageProfiles): DetectLanguage {
  const langs = Object.keys(profiles);
  const points = new Map<string, { lang: number; points: number }>();
  const shared = new Set<string>();
  langs.forEach((lang, k) => {
    const profile = profiles[lang]!;
    const own = new Map<string, number>();
    for (const w of profile.words) own.set(w, WORD_POINTS);
    for (const w of profile.strong) own.set(w, STRONG_POINTS);
    for (const [w, p] of own) {
      if (points.has(w) && points.get(w)!.lang !== k) shared.add(w);
      else points.set(w, { lang: k, points: p });
    }
  });
  for (const w of shared) points.delete(w);
  const marks = langs.map((lang) =>
    profiles[lang]!.marks.map((m) => ({ re: new RegExp(m.pattern, 'gu'), weight: m.weight, max: m.max })),
  );

  return (text, fallback = 'en') => {
    if (langs.length === 0) return { lang: fallback, confidence: 0 };
    const lowered = normalize(text);
    const scores = langs.map(() => 0);
    for (const raw of lowered.split(/[^\p{L}'’-]+/u)) {
      if (!raw) continue;
      // Only words with an apostrophe or a hyphen need splitting ("j'aime", "conseillez-vous").
      for (const w of /['’-]/.test(raw) ? raw.split(/(?<=['’])|-/) : [raw]) {
        const hit = points.get(w.endsWith("'") || w.endsWith('’') ? w.slice(0, -1) : w);
        if (hit) scores[hit.lang]! += hit.points;
      }
    }
    marks.forEach((list, k) => {
      for (const m of list) scores[k]! += m.weight * Math.min(m.max, lowered.match(m.re)?.length ?? 0);
    });
    let best = 0;
    for (let k = 1; k < langs.length; k++) if (scores[k]! > scores[best]!) best = k;
    const top = scores[best]!;
    const second = Math.max(0, ...scores.filter((_, k) => k !== best));
    const total = scores.reduce((a, b) => a + b, 0);
    if (total === 0) return { lang: fallback, confidence: 0 };
    // A tie says nothing: the caller's fallback (the person's last language, or the default).
    const lang = top === second ? fallback : langs[best]!;
    // Confidence grows with the margin and with the amount of evidence (one common word is weak evidence).
    const margin = (top - second) / total;
    const evidence = Math.min(1, total / 2);
    return { lang, confidence: Number((margin * evidence).toFixed(3)) };
  };
}

let bundled: DetectLanguage | undefined;
/** With the bundled languages (content/nlu/languages.yaml): for tools that read no community content. */
export function detectLanguage(text: string, fallback: Locale = 'en'): LanguageGuess {
  bundled ??= createLanguageDetector(bundledKnowledge().languages);
  return bundled(text, fallback);
}

// Tells English from French by function words, elisions, inversions and accents: deterministic, instant, good on short text.
import type { Locale } from '../core/types.js';
import { normalize } from './tokenize.js';

// Words that belong to one language only ("me", "on" and "a" are both, so they are in neither list).
const EN = new Set(
  'the an and or is are am was were be been to of in for with this that these those it its i i\'m you your we our my how what which where who why when can could do does did would should will want wanted like help please any there here from have has not but if so thanks thank hi hey know work join good first new get start contribute contributing about some just also into them they would should by at as than then been being doing looking interested anyone someone anything something give giving up drop dropping take taking working release'.split(' '),
);
const FR = new Set(
  'le la les de des du un une et est sont je tu il ils elle nous vous mon ma mes ton ta tes son sa ses notre votre comment quel quelle quels quelles où qui que pour sur avec dans ce cette ces cet pas ne peux peut veux voudrais aimerais aider contribuer bonjour salut merci ça suis aussi très faire y au aux mais ou donc avoir être oui non rien tout tous toutes avez êtes sommes projet travailler prendre cherche chercher facile débutant débutante groupe équipe réseau stockage beaucoup bonne bonnes premières première premier premiers rejoindre conseillez conseiller pouvez pourrais souhaite souhaiterais besoin encore déjà ici là quand pourquoi parce alors bien laisse laisser tomber abandonne abandonner renonce lâche travaille prends prendrai dessus celle celui celle-ci celui-ci'.split(' '),
);
/** Words that settle it alone ("merci", "thanks"): a one-word message is still clear. */
const STRONG: Record<string, Locale> = { merci: 'fr', bonjour: 'fr', salut: 'fr', thanks: 'en', thank: 'en', please: 'en', hey: 'en' };
const FR_ELISION = /(?:^|[^\p{L}])(?:j|l|d|qu|c|n|s|m|t)['’]\p{L}/gu;
const FR_INVERSION = /\p{L}-(?:vous|nous|il|elle|je|tu|moi|t-il|t-elle|on)\b/gu;
const FR_ACCENTS = /[éèêëàâçùûîïôœ]/g;

export interface LanguageGuess {
  lang: Locale;
  confidence: number;
}

export function detectLanguage(text: string, fallback: Locale = 'en'): LanguageGuess {
  const lowered = normalize(text);
  const words = lowered.split(/[^\p{L}'’-]+/u).filter(Boolean);
  let en = 0;
  let fr = 0;
  for (const raw of words) {
    // Only words with an apostrophe or a hyphen need splitting ("j'aime", "conseillez-vous").
    for (const w of /['’-]/.test(raw) ? raw.split(/(?<=['’])|-/) : [raw]) {
      const word = w.endsWith("'") || w.endsWith('’') ? w.slice(0, -1) : w;
      if (STRONG[word] === 'fr') fr += 2;
      else if (STRONG[word] === 'en') en += 2;
      else if (EN.has(word)) en += 1;
      else if (FR.has(word)) fr += 1;
    }
  }
  fr += 1.5 * Math.min(4, lowered.match(FR_ELISION)?.length ?? 0);
  fr += 1.5 * Math.min(2, lowered.match(FR_INVERSION)?.length ?? 0);
  fr += Math.min(3, (lowered.match(FR_ACCENTS)?.length ?? 0) * 0.5);
  const total = en + fr;
  if (total === 0) return { lang: fallback, confidence: 0 };
  const lang: Locale = fr > en ? 'fr' : en > fr ? 'en' : fallback;
  // Confidence grows with the margin and with the amount of evidence (one common word is weak evidence).
  const margin = Math.abs(en - fr) / total;
  const evidence = Math.min(1, total / 2);
  return { lang, confidence: Number((margin * evidence).toFixed(3)) };
}

// Tells English from French by function words and accents: deterministic, instant, good on short text.
import type { Locale } from '../core/types.js';
import { normalize, tokenize } from './tokenize.js';

const EN = new Set(
  'the a an and or is are am was be to of in on for with this that it i you we my me how what which where who can could do does would should want like help please any there here from have has not but if so'.split(' '),
);
const FR = new Set(
  "le la les l' de des du un une et ou est sont je j' tu il nous vous mon ma mes ton ta comment quel quelle quels quelles où qui que qu' pour sur avec dans ce cette ces c' pas ne n' peux peut veux voudrais aimerais aider contribuer bonjour salut merci ça suis d' m' s' aussi très faire".split(' '),
);
const FR_ACCENTS = /[éèêëàâçùûîïôœ]/g;

export interface LanguageGuess {
  lang: Locale;
  confidence: number;
}

export function detectLanguage(text: string, fallback: Locale = 'en'): LanguageGuess {
  const words = tokenize(text);
  let en = 0;
  let fr = 0;
  for (const w of words) {
    if (EN.has(w)) en += 1;
    if (FR.has(w) || FR.has(`${w}'`)) fr += 1;
  }
  fr += Math.min(3, (normalize(text).match(FR_ACCENTS)?.length ?? 0) * 0.5);
  const total = en + fr;
  if (total === 0) return { lang: fallback, confidence: 0 };
  const lang: Locale = fr > en ? 'fr' : en > fr ? 'en' : fallback;
  // Confidence grows with the margin and with the amount of evidence (one word is weak evidence).
  const margin = Math.abs(en - fr) / total;
  const evidence = Math.min(1, total / 3);
  return { lang, confidence: Number((margin * evidence).toFixed(3)) };
}

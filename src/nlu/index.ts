// Builds the understanding port from content: language, intent, entities, SIG ranking, FAQ retrieval.
import type { Content } from '../content/types.js';
import type { Locale } from '../core/types.js';
import { createFaqIndex } from './faq.js';
import { extractIssueRefs } from './issue-refs.js';
import { detectLanguage } from './language.js';
import { tokenize } from './tokenize.js';
import { cleanForUnderstanding } from './clean.js';
import { defaultIntentClassifier } from './intents.js';
import type { Entities, Nlu, SigRecommendation } from './types.js';


function entitiesOf(text: string): Entities {
  const { issues, otherUrls } = extractIssueRefs(text);
  return { issues, sigs: [], languages: [], interests: [], otherUrls };
}

export function createNlu(content: Content): Nlu {
  const intents = defaultIntentClassifier();
  const faq = { en: createFaqIndex(content.faq, 'en'), fr: createFaqIndex(content.faq, 'fr') };
  const sigTerms = content.sigs.map((s) => ({
    id: s.id,
    terms: new Set([...tokenize(s.name), ...s.keywords.flatMap(tokenize), ...tokenize(s.description.en)]),
  }));
  return {
    understand(text) {
      const { lang, confidence: langConfidence } = detectLanguage(text);
      const { intent, confidence } = intents.classify(cleanForUnderstanding(text));
      return { lang, langConfidence, intent, confidence, entities: entitiesOf(text) };
    },
    recommendSigs(text, limit = 3) {
      const words = new Set(tokenize(text).filter((w) => w.length > 2));
      const ranked: SigRecommendation[] = sigTerms.map((s) => {
        const reasons = [...words].filter((w) => s.terms.has(w));
        return { sigId: s.id, score: reasons.length, reasons };
      });
      return ranked.filter((r) => r.score > 0).sort((a, b) => b.score - a.score).slice(0, limit);
    },
    answerFaq(text, locale: Locale) {
      return faq[locale](text);
    },
  };
}

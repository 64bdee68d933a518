// Builds the understanding port from content: language, intent, entities, SIG ranking, FAQ retrieval.
import type { Content } from '../content/types.js';
import type { Locale } from '../core/types.js';
import { channelSpeaks } from './channel.js';
import { choiceOf } from './choice.js';
import { cleanForUnderstanding } from './clean.js';
import { courtesyOf } from './courtesy.js';
import { createFaqIndex } from './faq.js';
import { defaultIntentClassifier, type IntentClassifier } from './intents.js';
import { extractIssueRefs } from './issue-refs.js';
import { createLanguageDetector } from './language.js';
import { spellOut } from './phrasing.js';
import { programmingLanguages } from './programming-languages.js';
import { explain, MAX_RANKED_WORDS, rankSigs, type Ranked } from './recommend.js';
import { buildSigIndex } from './sig-index.js';
import { bundledKnowledge, type NluKnowledge } from './knowledge.js';
import { createSigMentionFinder } from './sig-mentions.js';
import { readTerms, type Terms } from './terms.js';
import type { Nlu } from './types.js';
import { useVocabulary } from './vocabulary.js';

/** Interests listed for one message: enough to filter or explain, not a word cloud. */
const MAX_INTERESTS = 6;
/** Language and programming languages are read from the opening: more text adds cost, not certainty. */
const OPENING_CHARS = 1500;
/** Issue references are looked for a little further (a pasted list of links), still bounded. */
const MAX_REF_CHARS = 20_000;

export interface NluOptions {
  /** Another classifier (tests); the default comes from the content's nlu/ knowledge (stored or trained once). */
  intents?: IntentClassifier;
  /** Other names of groups; the default is the content's nlu/group-aliases.yaml. */
  aliases?: Record<string, string[]>;
}

export function createNlu(content: Content, options: NluOptions = {}): Nlu {
  // The content's own nlu/ knowledge when it was loaded with it (loadContent), else the bundled content/nlu/.
  const knowledge: NluKnowledge = content.nlu ?? bundledKnowledge();
  useVocabulary(knowledge.vocabulary);
  const intents = options.intents ?? defaultIntentClassifier(knowledge);
  // Only the languages the content speaks: a message is never taken for one the bot cannot answer in.
  const spoken = Object.entries(knowledge.languages).filter(([lang]) => lang in content.locales);
  const detectLanguage = createLanguageDetector(Object.fromEntries(spoken));
  const faq = new Map(Object.keys(content.locales).map((l) => [l, createFaqIndex(content.faq, l)]));
  const sigIndex = buildSigIndex(content.sigs);
  const findSigs = createSigMentionFinder(content.sigs, options.aliases ?? knowledge.aliases);
  const ranking = (text: string, known?: Terms): { terms: Terms; ranked: Ranked[] } => {
    const terms = known ?? readTerms(cleanForUnderstanding(text), MAX_RANKED_WORDS);
    return { terms, ranked: rankSigs(sigIndex, terms) };
  };
  return {
    understand(text) {
      const cleaned = cleanForUnderstanding(text);
      const opening = cleaned.slice(0, OPENING_CHARS);
      const { lang, confidence: langConfidence } = detectLanguage(opening);
      const { intent, confidence, probabilities } = intents.classify(cleaned);
      const { unsure, alternatives } = choiceOf(probabilities);
      const { issues, otherUrls } = extractIssueRefs(text.slice(0, MAX_REF_CHARS));
      const terms = readTerms(cleaned, MAX_RANKED_WORDS);
      const sigMentions = findSigs(terms.stems);
      const best = ranking(text, terms).ranked.slice(0, 3);
      const interests = [...new Set(best.flatMap((r) => explain(r, terms).curated.slice(0, 3)))].slice(
        0,
        MAX_INTERESTS,
      );
      const courtesy = cleaned.length <= 80 ? courtesyOf(spellOut(cleaned)) : undefined;
      return {
        lang,
        langConfidence,
        intent,
        confidence: Number(confidence.toFixed(3)),
        unsure,
        alternatives,
        unprompted: channelSpeaks({ intent, confidence }, text),
        entities: {
          issues,
          sigs: sigMentions.map((m) => m.sigId),
          sigMentions,
          languages: programmingLanguages(opening),
          interests,
          otherUrls,
        },
        ...(courtesy ? { courtesy } : {}),
      };
    },
    recommendSigs(text, limit = 3) {
      const { terms, ranked } = ranking(text);
      return ranked
        .slice(0, limit)
        .map((r) => ({ sigId: r.sigId, score: r.score, reasons: explain(r, terms).reasons }));
    },
    answerFaq(text, locale: Locale) {
      return (faq.get(locale) ?? faq.get('en'))?.(text) ?? null;
    },
  };
}

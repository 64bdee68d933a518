// The shapes of the files in CONTENT_DIR/nlu/: strict, so a misspelt key is an error, never silently ignored.
import { z } from 'zod';

const word = z.string().min(1).max(80);
const words = z.array(word);
/** A language code as the locale files are named (`en`, `es`, `pt-br`). */
const languageCode = z.string().regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/, 'expected a language code such as en, fr or es');

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'gu');
    return true;
  } catch {
    return false;
  }
}

export const vocabularySchema = z
  .object({
    /** Words that never stand for a topic on their own (the project's name, its process words, everyday verbs). */
    generic_words: words,
    /** Words whose final "s" is not a plural ("kubernetes", "status"). */
    plural_exceptions: words,
    /** Words that turn a group's name into a mention ("network SIG", "WG Batch"), per kind of group. */
    group_words: z.record(z.string().regex(/^[a-z][a-z0-9-]{0,40}$/, 'expected a group kind id'), words),
    /** Function words per language code, ignored when matching meaning (languages.yaml may add more). */
    stopwords: z.record(languageCode, words).default({}),
  })
  .strict();
export type Vocabulary = z.infer<typeof vocabularySchema>;

/** A spelling that marks a language (French elisions, Spanish ¿): `weight` points per match, up to `max` matches. */
const mark = z
  .object({
    pattern: z.string().min(1).max(300).refine(compiles, 'expected a regular expression that compiles'),
    weight: z.number().positive().max(10),
    max: z.number().int().min(1).max(20),
  })
  .strict();

/** How each language is recognised in a message (languages.yaml), by language code. */
export const languagesSchema = z.record(
  languageCode,
  z
    .object({
      /** Words of this language only: one point each. */
      words: words.default([]),
      /** Words that settle it alone ("merci", "gracias"): two points. */
      strong: words.default([]),
      marks: z.array(mark).default([]),
      /** Function words, ignored when matching meaning. */
      stopwords: words.default([]),
    })
    .strict(),
);
export type LanguageProfiles = z.infer<typeof languagesSchema>;

const cueName = z.string().regex(/^[a-z][a-z0-9_]{0,40}$/, 'expected a lowercase name');

/** Named fragments (`{name}` inserts one) and named cue patterns, checked to compile once expanded. */
export const cuesSchema = z
  .object({
    fragments: z.record(cueName, z.string().min(1)).default({}),
    cues: z.record(cueName, z.string().min(1)),
  })
  .strict();
export type CueSource = z.infer<typeof cuesSchema>;

/** Other names of groups: a group id (as in the catalogue) and the names people use for it. */
export const aliasesSchema = z.record(
  z.string().regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, 'expected a group id (lowercase letters, digits, dots, dashes)'),
  z.array(z.string().min(1).max(80)),
);

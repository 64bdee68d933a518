// Loads what understanding knows from CONTENT_DIR/nlu/ (the bundled content/nlu/ for files a community leaves out).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { compileCues, type CueSet } from './intent-cues.js';
import {
  mergeFillers,
  onlyLanguages,
  parseExamples,
  parseFillers,
  type Fillers,
  type LabelledText,
} from './intent-examples.js';
import {
  aliasesSchema,
  cuesSchema,
  languagesSchema,
  vocabularySchema,
  type LanguageProfiles,
  type Vocabulary,
} from './knowledge-schema.js';

export const BUNDLED_NLU_DIR = fileURLToPath(new URL('../../content/nlu/', import.meta.url));

export interface NluKnowledge {
  /** Example messages the intent model learns from (`intents*.<lang>.txt`, one language per file). */
  examples: LabelledText[];
  fillers: Fillers;
  cues: CueSet;
  /** Stopwords per language merged in (languages.yaml's added to vocabulary.yaml's). */
  vocabulary: Vocabulary;
  aliases: Record<string, string[]>;
  /** How each language is recognised (languages.yaml), for the languages the content speaks. */
  languages: LanguageProfiles;
  /** The texts the intent model depends on, in a fixed order (its fingerprint). */
  modelSources: string[];
  /** Stored models to try, the community's first. */
  modelFiles: string[];
}

export interface NluLoadOptions {
  /** The languages the content speaks (its locale files); by default every language the files name. */
  languages?: readonly string[];
  /** What is worth saying but not refusing: a language the bot speaks but cannot recognise. */
  warnings?: string[];
}

const EXAMPLES = /^intents(?:\.[a-z0-9-]+)?\.([a-z]{2,3}(?:-[a-z0-9]{2,8})?)\.txt$/;
const KNOWN = new Set([
  'cues.yaml',
  'vocabulary.yaml',
  'group-aliases.yaml',
  'languages.yaml',
  'fillers.txt',
  'intent-model.json',
]);
/** Notes for people (a README) are allowed beside the data. */
const NOTES = /\.(?:md|txt)$/;
const langOf = (file: string) => EXAMPLES.exec(path.basename(file))![1]!;
/** One line per problem: `FILE: field: message`. */
function zodProblems(file: string, error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const where = i.path.map(String).join('.') || '(top level)';
    const message =
      i.code === 'unrecognized_keys' ? `unknown key ${i.keys.map((k) => `"${k}"`).join(', ')}` : i.message;
    return `${file}: ${where}: ${message}`;
  });
}

function readYaml<S extends z.ZodType>(file: string, schema: S, problems: string[]): z.infer<S> | null {
  const doc = parseDocument(readFileSync(file, 'utf8'), { uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    problems.push(
      `${file}:${e.linePos?.[0] ? `${e.linePos[0].line}:${e.linePos[0].col}` : ''} invalid YAML: ${e.message.split('\n')[0]}`,
    );
    return null;
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;
  problems.push(...zodProblems(file, result.error));
  return null;
}

/** Reads and checks the nlu/ folder of `contentDir`; problems are collected, one line each, never thrown. */
export function loadNluKnowledge(
  contentDir: string | undefined,
  problems: string[],
  options: NluLoadOptions = {},
): NluKnowledge | null {
  const own = contentDir ? path.join(contentDir, 'nlu') : undefined;
  const ownFiles =
    own && existsSync(own) && path.resolve(own) !== path.resolve(BUNDLED_NLU_DIR) ? readdirSync(own).sort() : [];
  const bundledFiles = readdirSync(BUNDLED_NLU_DIR).sort();
  const spoken = options.languages ? new Set(options.languages) : undefined;
  const speaks = (lang: string) => !spoken || spoken.has(lang);
  const before = problems.length;
  for (const name of ownFiles) {
    const where = path.join(own!, name);
    if (EXAMPLES.test(name)) {
      if (!speaks(langOf(name)))
        problems.push(
          `${where}: examples in "${langOf(name)}", a language the content has no locales/${langOf(name)}.json for`,
        );
    } else if (/^intents\b.*\.txt$/.test(name))
      problems.push(`${where}: expected intents.<lang>.txt or intents.<name>.<lang>.txt (lang a code such as es)`);
    else if (!KNOWN.has(name) && !NOTES.test(name))
      problems.push(`${where}: unknown file in nlu/ (expected ${[...KNOWN].join(', ')} or intents.<lang>.txt)`);
  }
  const pick = (name: string) => (ownFiles.includes(name) ? path.join(own!, name) : path.join(BUNDLED_NLU_DIR, name));
  const guard = <T>(file: string, read: () => T): T | null => {
    try {
      return read();
    } catch (err) {
      problems.push(`${file}: ${(err as Error).message.replace(`${file}:`, 'line ')}`);
      return null;
    }
  };

  // Examples, per language: a community that writes its own for a language replaces the bundled ones of that
  // language (it knows how its people talk); a language it adds needs its own; the rest come bundled.
  const ownExamples = ownFiles.filter((f) => EXAMPLES.test(f) && speaks(langOf(f))).map((f) => path.join(own!, f));
  const ownLangs = new Set(ownExamples.map(langOf));
  const bundledExamples = bundledFiles
    .filter((f) => EXAMPLES.test(f) && speaks(langOf(f)) && !ownLangs.has(langOf(f)))
    .map((f) => path.join(BUNDLED_NLU_DIR, f));
  // Sorted by file name, so the order (and the model trained from it) does not depend on where a file lives.
  const exampleFiles = [...bundledExamples, ...ownExamples].sort((x, y) =>
    path.basename(x).localeCompare(path.basename(y)),
  );
  const sources: string[] = [];
  const examples: LabelledText[] = [];
  for (const file of exampleFiles) {
    const text = readFileSync(file, 'utf8');
    sources.push(text);
    const parsed = guard(file, () => parseExamples(text, file, langOf(file)));
    if (parsed) examples.push(...parsed);
  }
  // Fillers, per language too: the community's sections replace the bundled ones of their language.
  const bundledFillersFile = path.join(BUNDLED_NLU_DIR, 'fillers.txt');
  const bundledFillersText = readFileSync(bundledFillersFile, 'utf8');
  let fillers = guard(bundledFillersFile, () => parseFillers(bundledFillersText, bundledFillersFile));
  if (ownFiles.includes('fillers.txt')) {
    const file = path.join(own!, 'fillers.txt');
    const text = readFileSync(file, 'utf8');
    const mine = guard(file, () => parseFillers(text, file, (lang) => speaks(lang)));
    if (mine && fillers) fillers = mergeFillers(fillers, mine);
  }
  if (fillers) fillers = onlyLanguages(fillers, speaks);
  const cuesFile = pick('cues.yaml');
  const cueSource = readYaml(cuesFile, cuesSchema, problems);
  const cues = cueSource ? guard(cuesFile, () => compileCues(cueSource)) : null;
  const vocabulary = readYaml(pick('vocabulary.yaml'), vocabularySchema, problems);
  const aliases = readYaml(pick('group-aliases.yaml'), aliasesSchema, problems);
  const bundledLanguages = readYaml(path.join(BUNDLED_NLU_DIR, 'languages.yaml'), languagesSchema, problems);
  const ownLanguagesFile = ownFiles.includes('languages.yaml') ? path.join(own!, 'languages.yaml') : undefined;
  const ownLanguages = ownLanguagesFile ? readYaml(ownLanguagesFile, languagesSchema, problems) : {};
  if (ownLanguagesFile && ownLanguages)
    for (const lang of Object.keys(ownLanguages))
      if (!speaks(lang))
        problems.push(`${ownLanguagesFile}: ${lang}: a language the content has no locales/${lang}.json for`);
  if (problems.length > before || !fillers || !cues || !vocabulary || !aliases || !bundledLanguages || !ownLanguages)
    return null;
  const languages: LanguageProfiles = {};
  for (const [lang, profile] of Object.entries({ ...bundledLanguages, ...ownLanguages }))
    if (speaks(lang)) languages[lang] = profile;
  for (const lang of options.languages ?? [])
    if (!languages[lang])
      options.warnings?.push(
        `${own ?? BUNDLED_NLU_DIR}: languages.yaml has no entry for "${lang}": messages in it are not recognised as ${lang}`,
      );
  const stopwords: Record<string, string[]> = { ...vocabulary.stopwords };
  for (const [lang, profile] of Object.entries(languages))
    stopwords[lang] = [...(stopwords[lang] ?? []), ...profile.stopwords];
  // The fillers in use, not the files: a copy of the bundled files keeps the bundled model's fingerprint.
  sources.push(JSON.stringify(fillers), readFileSync(cuesFile, 'utf8'));
  const modelFiles = [
    ...(ownFiles.includes('intent-model.json') ? [path.join(own!, 'intent-model.json')] : []),
    path.join(BUNDLED_NLU_DIR, 'intent-model.json'),
  ];
  return {
    examples,
    fillers,
    cues,
    vocabulary: { ...vocabulary, stopwords },
    aliases,
    languages,
    modelSources: sources,
    modelFiles,
  };
}

let bundled: NluKnowledge | undefined;
/** The bundled knowledge (content/nlu/), once per process; a broken bundle is a programming error. */
export function bundledKnowledge(): NluKnowledge {
  if (bundled) return bundled;
  const problems: string[] = [];
  const loaded = loadNluKnowledge(undefined, problems);
  if (!loaded) throw new Error(`the bundled content/nlu/ is invalid:\n${problems.join('\n')}`);
  return (bundled = loaded);
}

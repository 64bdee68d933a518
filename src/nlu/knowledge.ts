// Loads what understanding knows from CONTENT_DIR/nlu/ (the bundled content/nlu/ for files a community leaves out).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { compileCues, type CueSet } from './intent-cues.js';
import { parseExamples, parseFillers, type Fillers, type LabelledText } from './intent-examples.js';
import { aliasesSchema, cuesSchema, vocabularySchema, type Vocabulary } from './knowledge-schema.js';

export const BUNDLED_NLU_DIR = fileURLToPath(new URL('../../content/nlu/', import.meta.url));

export interface NluKnowledge {
  /** Example messages the intent model learns from (`intents*.en.txt`, `intents*.fr.txt`). */
  examples: LabelledText[];
  fillers: Fillers;
  cues: CueSet;
  vocabulary: Vocabulary;
  aliases: Record<string, string[]>;
  /** The texts the intent model depends on, in a fixed order (its fingerprint). */
  modelSources: string[];
  /** Stored models to try, the community's first. */
  modelFiles: string[];
}

const EXAMPLES = /^intents(?:\.[a-z0-9-]+)?\.(en|fr)\.txt$/;
const KNOWN = new Set(['cues.yaml', 'vocabulary.yaml', 'group-aliases.yaml', 'fillers.txt', 'intent-model.json']);
/** Notes for people (a README) are allowed beside the data. */
const NOTES = /\.(?:md|txt)$/;

/** One line per problem: `FILE: field: message`. */
function zodProblems(file: string, error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const where = i.path.map(String).join('.') || '(top level)';
    const message = i.code === 'unrecognized_keys' ? `unknown key ${i.keys.map((k) => `"${k}"`).join(', ')}` : i.message;
    return `${file}: ${where}: ${message}`;
  });
}

function readYaml<S extends z.ZodType>(file: string, schema: S, problems: string[]): z.infer<S> | null {
  const doc = parseDocument(readFileSync(file, 'utf8'), { uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    problems.push(`${file}:${e.linePos?.[0] ? `${e.linePos[0].line}:${e.linePos[0].col}` : ''} invalid YAML: ${e.message.split('\n')[0]}`);
    return null;
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;
  problems.push(...zodProblems(file, result.error));
  return null;
}

/** Reads and checks the nlu/ folder of `contentDir`; problems are collected, one line each, never thrown. */
export function loadNluKnowledge(contentDir: string | undefined, problems: string[]): NluKnowledge | null {
  const own = contentDir ? path.join(contentDir, 'nlu') : undefined;
  const ownFiles = own && existsSync(own) ? readdirSync(own).sort() : [];
  for (const name of ownFiles) {
    if (!KNOWN.has(name) && !EXAMPLES.test(name) && !NOTES.test(name)) problems.push(`${path.join(own!, name)}: unknown file in nlu/ (expected ${[...KNOWN].join(', ')} or intents.<lang>.txt)`);
  }
  const bundledFiles = readdirSync(BUNDLED_NLU_DIR).sort();
  const pick = (name: string) => (ownFiles.includes(name) ? path.join(own!, name) : path.join(BUNDLED_NLU_DIR, name));
  const before = problems.length;
  const guard = <T>(file: string, read: () => T): T | null => {
    try {
      return read();
    } catch (err) {
      problems.push(`${file}: ${(err as Error).message.replace(`${file}:`, 'line ')}`);
      return null;
    }
  };

  // Examples: a community that writes its own replaces the bundled set as a whole (it knows how its people talk).
  const exampleFiles = (ownFiles.some((f) => EXAMPLES.test(f)) ? ownFiles.filter((f) => EXAMPLES.test(f)).map((f) => path.join(own!, f)) : bundledFiles.filter((f) => EXAMPLES.test(f)).map((f) => path.join(BUNDLED_NLU_DIR, f)));
  const sources: string[] = [];
  const examples: LabelledText[] = [];
  for (const file of exampleFiles) {
    const text = readFileSync(file, 'utf8');
    sources.push(text);
    const parsed = guard(file, () => parseExamples(text, file, EXAMPLES.exec(path.basename(file))![1] as 'en' | 'fr'));
    if (parsed) examples.push(...parsed);
  }
  const fillersFile = pick('fillers.txt');
  const fillersText = readFileSync(fillersFile, 'utf8');
  const fillers = guard(fillersFile, () => parseFillers(fillersText, fillersFile));
  const cuesFile = pick('cues.yaml');
  const cueSource = readYaml(cuesFile, cuesSchema, problems);
  const cues = cueSource ? guard(cuesFile, () => compileCues(cueSource)) : null;
  const vocabulary = readYaml(pick('vocabulary.yaml'), vocabularySchema, problems);
  const aliases = readYaml(pick('group-aliases.yaml'), aliasesSchema, problems);
  if (problems.length > before || !fillers || !cues || !vocabulary || !aliases) return null;
  sources.push(fillersText, readFileSync(cuesFile, 'utf8'));
  const modelFiles = [...(ownFiles.includes('intent-model.json') ? [path.join(own!, 'intent-model.json')] : []), path.join(BUNDLED_NLU_DIR, 'intent-model.json')];
  return { examples, fillers, cues, vocabulary, aliases, modelSources: sources, modelFiles };
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

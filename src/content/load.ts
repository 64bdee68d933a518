// Loads and validates content/ (and an optional imported sigs.yaml); every problem names file and path.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { placeholders, type Catalogue } from '../core/i18n.js';
import { LOCALES, type Locale } from '../core/types.js';
import { defaultKind, withGroupWords } from './group-words.js';
import { loadNluKnowledge } from '../nlu/knowledge.js';
import { mergeCatalogues } from './merge.js';
import {
  communitySchema,
  faqSchema,
  groupsFileSchema,
  LOCALE_CODE,
  localeSchema,
  sigsFileSchema,
  type Community,
  type FaqEntry,
  type SigEntry,
} from './schema.js';
import { importSigsYaml, sigsYamlSchema } from './sigs-file.js';
import { parseYaml } from './yaml.js';
import type { Content, Sig } from './types.js';

export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ContentError';
  }
}

export interface LoadOptions {
  dir: string;
  /** A path or an https URL to a Kubernetes-format sigs.yaml to merge in. */
  sigsFile?: string | undefined;
  fetchText?: (url: string) => Promise<string>;
}

function formatPath(parts: PropertyKey[]): string {
  return parts.reduce<string>(
    (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
    '',
  );
}

function zodProblems(file: string, error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const where = formatPath([...i.path]) || '(top level)';
    const message =
      i.code === 'unrecognized_keys' ? `unknown key ${i.keys.map((k) => `"${k}"`).join(', ')}` : i.message;
    return `${file}: ${where}: ${message}`;
  });
}

async function readSource(file: string, label: string, problems: string[]): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    problems.push(`${label}: cannot read the file (${code === 'ENOENT' ? 'not found' : (code ?? 'error')})`);
    return null;
  }
}

function parseJson(text: string, label: string, problems: string[]): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    problems.push(`${label}: invalid JSON: ${(err as Error).message}`);
    return undefined;
  }
}

function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  label: string,
  problems: string[],
): z.infer<S> | null {
  if (value === undefined) return null;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  problems.push(...zodProblems(label, result.error));
  return null;
}

/**
 * The languages onramp ships (French) must carry every English key, so no reply falls back silently; a
 * language a community adds may be partial (a warning per missing key: those replies read English).
 * Placeholders must match in every language, or a reply would show `{name}`.
 */
function checkLocaleParity(
  locales: Record<Locale, Catalogue>,
  labelOf: (l: Locale) => string,
  problems: string[],
  warnings: string[],
) {
  const en = locales.en;
  if (!en) return;
  for (const locale of Object.keys(locales).filter((l) => l !== 'en')) {
    const other = locales[locale]!;
    const missing = LOCALES.includes(locale) ? problems : warnings;
    for (const key of Object.keys(en)) {
      if (!(key in other))
        missing.push(
          `${labelOf(locale)}: ${key}: missing (present in en.json)${missing === warnings ? '; English is used' : ''}`,
        );
      else if (placeholders(en[key]!).join() !== placeholders(other[key]!).join())
        problems.push(
          `${labelOf(locale)}: ${key}: placeholders differ from en.json (${placeholders(en[key]!).join(', ') || 'none'})`,
        );
    }
    for (const key of Object.keys(other)) if (!(key in en)) problems.push(`${labelOf(locale)}: ${key}: not in en.json`);
  }
}

async function loadImported(
  source: string,
  opts: LoadOptions,
  community: Community | null,
  problems: string[],
): Promise<Sig[]> {
  const label = `SIGS_FILE (${source})`;
  let text: string | null;
  if (/^https?:\/\//.test(source)) {
    if (!source.startsWith('https://')) {
      problems.push(`${label}: only https URLs are fetched`);
      return [];
    }
    try {
      text = await (opts.fetchText ?? downloadText)(source);
    } catch (err) {
      problems.push(`${label}: cannot download: ${(err as Error).message}`);
      return [];
    }
  } else {
    text = await readSource(source, label, problems);
  }
  if (text === null) return [];
  const parsed = validate(sigsYamlSchema, parseYaml(text, label, problems), label, problems);
  const kinds = community ? Object.keys(community.groupKinds) : [];
  return parsed ? importSigsYaml(parsed, kinds, community ? defaultKind(community) : 'group') : [];
}

/** The Kubernetes file is about 200 kB; anything far larger is not a sigs.yaml and is not read whole. */
export const MAX_SIGS_FILE_BYTES = 5_000_000;

export async function downloadText(url: string): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.timeout(15_000), redirect: 'error' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > MAX_SIGS_FILE_BYTES) throw new Error(`larger than ${MAX_SIGS_FILE_BYTES} bytes`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body ?? []) {
    size += chunk.byteLength;
    if (size > MAX_SIGS_FILE_BYTES) throw new Error(`larger than ${MAX_SIGS_FILE_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const exists = (file: string) =>
  readFile(file).then(
    () => true,
    () => false,
  );

/** The message catalogues onramp ships (English and French, complete): what a community's locales/ adds to. */
export const BUILTIN_LOCALES_DIR = fileURLToPath(new URL('../../content/locales/', import.meta.url));

/** The languages in a locales/ folder: one file per language (`es.json`). */
async function localeFiles(dir: string): Promise<Locale[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length));
}

/** An FAQ entry in a language the content speaks but the entry does not: French is required, others warn. */
function checkFaqLanguages(faq: FaqEntry[], locales: Locale[], label: string, problems: string[], warnings: string[]) {
  faq.forEach((entry, i) => {
    for (const locale of locales.filter((l) => l !== 'en')) {
      const into = LOCALES.includes(locale) ? problems : warnings;
      for (const field of ['questions', 'answer'] as const)
        if (entry[field][locale] === undefined)
          into.push(`${label}: faq[${i}].${field}.${locale}: missing${into === warnings ? ' (English is used)' : ''}`);
    }
  });
}

/** Groups name their kind, or take the first of community.yaml's groupKinds. */
function withKinds(
  entries: SigEntry[],
  community: Community | null,
  label: string,
  key: string,
  problems: string[],
): Sig[] {
  const kinds = community ? Object.keys(community.groupKinds) : [];
  return entries.map((s, i) => {
    if (s.kind && community && !kinds.includes(s.kind))
      problems.push(
        `${label}: ${key}[${i}].kind: unknown kind "${s.kind}" (community.yaml groupKinds has ${kinds.join(', ')})`,
      );
    return { ...s, kind: s.kind ?? (community ? defaultKind(community) : 'group') };
  });
}

export async function loadContent(opts: LoadOptions): Promise<Content> {
  const problems: string[] = [];
  const warnings: string[] = [];
  const file = (name: string) => path.join(opts.dir, name);
  const label = (name: string) => path.join(opts.dir, name);

  const yamlFile = async <S extends z.ZodType>(name: string, schema: S) => {
    const text = await readSource(file(name), label(name), problems);
    return text === null ? null : validate(schema, parseYaml(text, label(name), problems), label(name), problems);
  };
  const community = await yamlFile('community.yaml', communitySchema);
  // A community organised in teams writes groups.yaml (`groups:`); sigs.yaml (`sigs:`) is the same catalogue.
  const groupsName = (await exists(file('groups.yaml'))) ? 'groups.yaml' : 'sigs.yaml';
  const groupsFile = groupsName === 'groups.yaml' ? await yamlFile(groupsName, groupsFileSchema) : null;
  const sigsFile = groupsName === 'sigs.yaml' ? await yamlFile(groupsName, sigsFileSchema) : null;
  const faqFile = await yamlFile('faq.yaml', faqSchema);

  // A community's locales/ adds languages and rewords messages; what it leaves out is onramp's own wording,
  // so adopting onramp does not mean copying every message (and a message onramp adds later just works).
  const raw: Record<Locale, Catalogue> = {};
  const ownDir = file('locales');
  const localeLabel = (l: Locale) => label(`locales/${l}.json`);
  const readCatalogue = async (dir: string, locale: Locale, at: string) => {
    const text = await readSource(path.join(dir, `${locale}.json`), at, problems);
    return text === null ? null : validate(localeSchema, parseJson(text, at, problems), at, problems);
  };
  const builtinDir = path.resolve(BUILTIN_LOCALES_DIR);
  const own = path.resolve(ownDir) === builtinDir ? [] : await localeFiles(ownDir);
  const builtin = await localeFiles(builtinDir);
  for (const locale of [...new Set(['en', ...builtin, ...own])]) {
    if (!LOCALE_CODE.test(locale)) {
      problems.push(`${localeLabel(locale)}: expected a language code as the file name, such as es.json or pt-br.json`);
      continue;
    }
    const base = builtin.includes(locale)
      ? await readCatalogue(builtinDir, locale, path.join(builtinDir, `${locale}.json`))
      : {};
    const mine = own.includes(locale) ? await readCatalogue(ownDir, locale, localeLabel(locale)) : {};
    if (base && mine) raw[locale] = { ...base, ...mine };
  }
  // A language the community did not translate at all (French, for a community that speaks Spanish) is
  // dropped rather than half-spoken: only English is always there.
  if (own.length > 0)
    for (const locale of Object.keys(raw)) if (locale !== 'en' && !own.includes(locale)) delete raw[locale];
  checkLocaleParity(raw, localeLabel, problems, warnings);
  if (faqFile) checkFaqLanguages(faqFile.faq, Object.keys(raw), label('faq.yaml'), problems, warnings);

  const curated = groupsFile
    ? withKinds(groupsFile.groups, community, label(groupsName), 'groups', problems)
    : withKinds(sigsFile?.sigs ?? [], community, label(groupsName), 'sigs', problems);
  const seen = new Set<string>();
  curated.forEach((s, i) => {
    if (seen.has(s.id))
      problems.push(`${label(groupsName)}: ${groupsFile ? 'groups' : 'sigs'}[${i}].id: duplicate id "${s.id}"`);
    seen.add(s.id);
  });
  const imported = opts.sigsFile ? await loadImported(opts.sigsFile, opts, community, problems) : [];
  const nlu = loadNluKnowledge(opts.dir, problems, { languages: Object.keys(raw), warnings });

  if (problems.length > 0 || !community || !faqFile || !raw.en) throw new ContentError(problems);
  const sigs = mergeCatalogues(curated, imported);
  const locales: Record<Locale, Catalogue> = {};
  for (const [locale, catalogue] of Object.entries(raw)) locales[locale] = withGroupWords(catalogue, community, locale);
  return {
    community,
    sigs,
    sigById: new Map(sigs.map((s) => [s.id, s])),
    faq: faqFile.faq,
    locales,
    warnings,
    ...(nlu ? { nlu } : {}),
  };
}

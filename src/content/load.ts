// Loads and validates content/ (and an optional imported sigs.yaml); every problem names file and path.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { placeholders, type Catalogue } from '../core/i18n.js';
import { LOCALES, type Locale } from '../core/types.js';
import { importKubernetesSigs, kubernetesSigsSchema } from './kubernetes-sigs.js';
import { loadNluKnowledge } from '../nlu/knowledge.js';
import { mergeCatalogues } from './merge.js';
import { communitySchema, faqSchema, localeSchema, sigsFileSchema, type SigKind } from './schema.js';
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
  return parts.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');
}

function zodProblems(file: string, error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const where = formatPath([...i.path]) || '(top level)';
    const message = i.code === 'unrecognized_keys' ? `unknown key ${i.keys.map((k) => `"${k}"`).join(', ')}` : i.message;
    return `${file}: ${where}: ${message}`;
  });
}

async function readSource(file: string, label: string, problems: string[]): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    problems.push(`${label}: cannot read the file (${code === 'ENOENT' ? 'not found' : code ?? 'error'})`);
    return null;
  }
}

function parseYaml(text: string, label: string, problems: string[]): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const line = e.linePos?.[0];
      problems.push(`${label}:${line ? `${line.line}:${line.col}` : ''} invalid YAML: ${e.message.split('\n')[0]}`);
    }
    return undefined;
  }
  return doc.toJS();
}

function parseJson(text: string, label: string, problems: string[]): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    problems.push(`${label}: invalid JSON: ${(err as Error).message}`);
    return undefined;
  }
}

function validate<S extends z.ZodType>(schema: S, value: unknown, label: string, problems: string[]): z.infer<S> | null {
  if (value === undefined) return null;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  problems.push(...zodProblems(label, result.error));
  return null;
}

/** Every locale must carry the English keys with the same placeholders, so no reply falls back silently. */
function checkLocaleParity(locales: Partial<Record<Locale, Catalogue>>, labelOf: (l: Locale) => string, problems: string[]) {
  const en = locales.en;
  if (!en) return;
  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    const other = locales[locale];
    if (!other) continue;
    for (const key of Object.keys(en)) {
      if (!(key in other)) problems.push(`${labelOf(locale)}: ${key}: missing (present in en.json)`);
      else if (placeholders(en[key]!).join() !== placeholders(other[key]!).join())
        problems.push(`${labelOf(locale)}: ${key}: placeholders differ from en.json (${placeholders(en[key]!).join(', ') || 'none'})`);
    }
    for (const key of Object.keys(other)) if (!(key in en)) problems.push(`${labelOf(locale)}: ${key}: not in en.json`);
  }
}

async function loadImported(source: string, opts: LoadOptions, problems: string[]): Promise<Sig[]> {
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
  const parsed = validate(kubernetesSigsSchema, parseYaml(text, label, problems), label, problems);
  return parsed ? importKubernetesSigs(parsed) : [];
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

const kindOf = (id: string): SigKind => id.split('-')[0] as SigKind;

export async function loadContent(opts: LoadOptions): Promise<Content> {
  const problems: string[] = [];
  const file = (name: string) => path.join(opts.dir, name);
  const label = (name: string) => path.join(opts.dir, name);

  const yamlFile = async <S extends z.ZodType>(name: string, schema: S) => {
    const text = await readSource(file(name), label(name), problems);
    return text === null ? null : validate(schema, parseYaml(text, label(name), problems), label(name), problems);
  };
  const community = await yamlFile('community.yaml', communitySchema);
  const sigsFile = await yamlFile('sigs.yaml', sigsFileSchema);
  const faqFile = await yamlFile('faq.yaml', faqSchema);

  const locales: Partial<Record<Locale, Catalogue>> = {};
  const localeLabel = (l: Locale) => label(`locales/${l}.json`);
  for (const locale of LOCALES) {
    const text = await readSource(file(`locales/${locale}.json`), localeLabel(locale), problems);
    const parsed = text === null ? null : validate(localeSchema, parseJson(text, localeLabel(locale), problems), localeLabel(locale), problems);
    if (parsed) locales[locale] = parsed;
  }
  checkLocaleParity(locales, localeLabel, problems);

  const curated: Sig[] = (sigsFile?.sigs ?? []).map((s) => ({ ...s, kind: kindOf(s.id) }));
  const seen = new Set<string>();
  curated.forEach((s, i) => {
    if (seen.has(s.id)) problems.push(`${label('sigs.yaml')}: sigs[${i}].id: duplicate id "${s.id}"`);
    seen.add(s.id);
  });
  const imported = opts.sigsFile ? await loadImported(opts.sigsFile, opts, problems) : [];
  const nlu = loadNluKnowledge(opts.dir, problems);

  if (problems.length > 0 || !community || !faqFile || !locales.en || !locales.fr) throw new ContentError(problems);
  const sigs = mergeCatalogues(curated, imported);
  return {
    community,
    sigs,
    sigById: new Map(sigs.map((s) => [s.id, s])),
    faq: faqFile.faq,
    locales: { en: locales.en, fr: locales.fr },
    ...(nlu ? { nlu } : {}),
  };
}

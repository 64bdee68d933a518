// Reads `/issues` filters (a SIG and a programming language, in any order) from what a person typed or said.
import { findSig } from '../../content/find-sig.js';
import type { Content } from '../../content/types.js';
import type { Understanding } from '../../core/ports.js';

export interface IssueFilters {
  sigId?: string;
  /** Lowercase, as GitHub names the language (`go`, `c++`, `html`). */
  language?: string;
}

/** Names people type for the languages GitHub reports for a repository. */
const LANGUAGES: Record<string, string> = {
  go: 'go',
  golang: 'go',
  python: 'python',
  py: 'python',
  java: 'java',
  javascript: 'javascript',
  js: 'javascript',
  typescript: 'typescript',
  ts: 'typescript',
  rust: 'rust',
  shell: 'shell',
  bash: 'shell',
  sh: 'shell',
  c: 'c',
  'c++': 'c++',
  cpp: 'c++',
  'c#': 'c#',
  csharp: 'c#',
  ruby: 'ruby',
  html: 'html',
  css: 'css',
  php: 'php',
  haskell: 'haskell',
  perl: 'perl',
  powershell: 'powershell',
  kotlin: 'kotlin',
  swift: 'swift',
  scala: 'scala',
  lua: 'lua',
  jsonnet: 'jsonnet',
  starlark: 'starlark',
  makefile: 'makefile',
  dockerfile: 'dockerfile',
};

/** How GitHub writes each language, for showing a filter back to the person ("Go", not "go"). */
const DISPLAY: Record<string, string> = {
  go: 'Go',
  python: 'Python',
  java: 'Java',
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  rust: 'Rust',
  shell: 'Shell',
  c: 'C',
  'c++': 'C++',
  'c#': 'C#',
  ruby: 'Ruby',
  html: 'HTML',
  css: 'CSS',
  php: 'PHP',
  haskell: 'Haskell',
  perl: 'Perl',
  powershell: 'PowerShell',
  kotlin: 'Kotlin',
  swift: 'Swift',
  scala: 'Scala',
  lua: 'Lua',
  jsonnet: 'Jsonnet',
  starlark: 'Starlark',
  makefile: 'Makefile',
  dockerfile: 'Dockerfile',
};

export const languageName = (language: string): string => DISPLAY[language] ?? language;

export function normalizeLanguage(word: string): string | undefined {
  return LANGUAGES[word.toLowerCase()];
}

export type ParsedFilters = { ok: true; filters: IssueFilters } | { ok: false; unknown: string };

/** `sig-network go`, `go api machinery`, `docs`: a language word anywhere, the rest names one SIG. */
export function parseFilters(content: Content, typed: string): ParsedFilters {
  const words = typed.trim().split(/\s+/).filter(Boolean).slice(0, 8);
  const filters: IssueFilters = {};
  const rest: string[] = [];
  for (const w of words) {
    const language = normalizeLanguage(w);
    if (language && !filters.language) filters.language = language;
    else rest.push(w);
  }
  if (rest.length > 0) {
    const sig = findSig(content, rest.join(' ')) ?? (rest.length === 1 ? undefined : findSig(content, rest.join('-')));
    if (!sig) return { ok: false, unknown: rest.join(' ').slice(0, 60) };
    filters.sigId = sig.id;
  }
  return { ok: true, filters };
}

/** From a message: the one SIG named, and the first language recognised. */
export function filtersFromUnderstanding(understanding: Understanding): IssueFilters {
  const { sigs, languages } = understanding.entities;
  const language = languages.map(normalizeLanguage).find((l): l is string => !!l);
  return { ...(sigs.length === 1 ? { sigId: sigs[0]! } : {}), ...(language ? { language } : {}) };
}

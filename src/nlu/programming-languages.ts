// Programming languages named in chat, normalised ("golang" → go, "JS" → javascript).

// Ambiguous short names (Go, C, R) count only in a context that makes them a language.
const NAMES: [RegExp, string][] = [
  [
    /\bgolang\b|\b(?:know|in|with|using|write|writing|learning|learn|love|and) go\b(?! (?:ahead|through|back|for|to|over|on)\b)|\bgo (?:developer|programmer|engineer|code|lang|language|experience|modules|routines?)\b/i,
    'go',
  ],
  [/(?<=[a-z,] )Go\b(?! (?:ahead|through|back|for it)\b)/, 'go'],
  [/\bpython\d?\b|\bdjango\b|\bflask\b/i, 'python'],
  [/\btypescript\b|\bts\b(?= |,|$)/i, 'typescript'],
  [/\bjavascript\b|\bjs\b|\bnode\.?js\b|\breact\b|\bvue\b/i, 'javascript'],
  [/\bjava\b|\bj2ee\b|\bspring\b/i, 'java'],
  [/\brust\b/i, 'rust'],
  [/\bc\+\+|\bcpp\b/i, 'c++'],
  [/\bc#|\bcsharp\b|\.net\b/i, 'c#'],
  [/(?<=[a-z,] )C(?= (?:and|or|codebase|code|programming|developer|language)\b|$|[,.])|\bC language\b/, 'c'],
  [/\bruby\b|\brails\b/i, 'ruby'],
  [/\bphp\b/i, 'php'],
  [/\bkotlin\b/i, 'kotlin'],
  [/\bswift\b/i, 'swift'],
  [/\bscala\b/i, 'scala'],
  [/\bbash\b|\bshell script/i, 'shell'],
  [/\bpowershell\b/i, 'powershell'],
  [/\bhtml\b/i, 'html'],
  [/\bcss\b|\bsass\b/i, 'css'],
  [/\bsql\b/i, 'sql'],
  [/\bhaskell\b/i, 'haskell'],
  [/\belixir\b/i, 'elixir'],
  [/\bperl\b/i, 'perl'],
  [/\blua\b/i, 'lua'],
  [/\bdart\b|\bflutter\b/i, 'dart'],
  [/\bcuda\b/i, 'cuda'],
];

/** Languages in order of first mention; `text` is cleaned (case kept, so "Go" can be told from "go ahead"). */
export function programmingLanguages(text: string): string[] {
  const found: { at: number; name: string }[] = [];
  for (const [re, name] of NAMES) {
    const m = re.exec(text);
    if (m) found.push({ at: m.index, name });
  }
  return [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.name))];
}

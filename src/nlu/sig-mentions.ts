// Finds groups named in a message: by id (`sig-network`), by name with a group word ("SIG Docs"), or by alias.
import type { Sig } from '../content/types.js';
import { termWords } from './terms.js';
import { wordSets } from './vocabulary.js';
import type { SigMention } from './types.js';

const LONGEST = 6;

/** Finds mentions in a message's stemmed words (see terms.ts). */
export type SigMentionFinder = (words: readonly string[]) => SigMention[];

export function createSigMentionFinder(sigs: readonly Sig[], aliases: Record<string, string[]>): SigMentionFinder {
  const forms = new Map<string, SigMention>();
  // Stronger forms win when two groups would claim the same words.
  const prefixes = new Set<string>();
  const put = (words: string[], mention: SigMention) => {
    if (words.length === 0 || words.length > LONGEST) return;
    const key = words.join(' ');
    for (let i = 1; i < words.length; i++) prefixes.add(words.slice(0, i).join(' '));
    const had = forms.get(key);
    if (!had || (had.how === 'alias' && mention.how !== 'alias')) forms.set(key, mention);
  };
  // Group words ("network SIG", "WG Batch", "l'équipe docs") come from the vocabulary, per kind of group.
  const groupWords = wordSets().groupWords;
  for (const sig of sigs) {
    put(termWords(sig.id), { sigId: sig.id, how: 'id' });
    for (const label of sig.labels) put(termWords(label), { sigId: sig.id, how: 'id' });
    const name = termWords(sig.name);
    for (const group of (groupWords[sig.kind] ?? []).map((w) => w.split(' '))) {
      put([...group, ...name], { sigId: sig.id, how: 'name' });
      put([...name, ...group], { sigId: sig.id, how: 'name' });
    }
  }
  const known = new Set(sigs.map((s) => s.id));
  for (const [id, list] of Object.entries(aliases)) {
    if (!known.has(id)) continue;
    for (const alias of list) put(termWords(alias), { sigId: id, how: 'alias' });
  }
  return (words) => {
    const found: SigMention[] = [];
    for (let i = 0; i < words.length; i++) {
      // The longest form starting here wins; a form is only extended while it can still match.
      let key = '';
      let hit: { mention: SigMention; len: number } | undefined;
      for (let len = 1; len <= LONGEST && i + len <= words.length; len++) {
        key = len === 1 ? words[i]! : `${key} ${words[i + len - 1]}`;
        const mention = forms.get(key);
        if (mention) hit = { mention, len };
        if (!prefixes.has(key)) break;
      }
      if (!hit) continue;
      const at = found.findIndex((f) => f.sigId === hit.mention.sigId);
      if (at < 0) found.push(hit.mention);
      else if (found[at]!.how === 'alias' && hit.mention.how !== 'alias') found[at] = hit.mention;
      i += hit.len - 1;
    }
    return found;
  };
}

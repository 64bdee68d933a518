// Autocomplete from memory: the suggestions that best match what the person has typed so far, no I/O.
import type { Suggestion } from '../../src/core/index.js';
import { clip } from '../../src/core/index.js';
import { LIMITS } from './limits.js';

export interface Choice {
  name: string;
  value: string;
}

const words = (s: string) =>
  s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2);

function score(s: Suggestion, typed: string[]): number {
  const main = [s.value, s.label].map((x) => x.toLowerCase());
  const terms = s.terms.map((x) => x.toLowerCase());
  let total = 0;
  for (const w of typed) {
    if (main.some((m) => m.startsWith(w) || m.split(/[^\p{L}\p{N}]+/u).some((part) => part.startsWith(w)))) total += 3;
    else if (main.some((m) => m.includes(w))) total += 2;
    else if (terms.some((t) => t.startsWith(w) || t.split(/\s+/).some((part) => part.startsWith(w)))) total += 1;
  }
  return total;
}

/**
 * Best matches first (catalogue order breaks ties); with nothing typed, the catalogue's first ones.
 * What the person typed is offered first when it names no suggestion, so free interests
 * ("storage and Go") stay one Enter away.
 */
export function suggest(list: readonly Suggestion[], typed: string): Choice[] {
  const raw = typed.trim();
  const wanted = words(raw);
  const ranked =
    wanted.length === 0
      ? [...list]
      : list
          .map((s, i) => ({ s, i, n: score(s, wanted) }))
          .filter((x) => x.n > 0)
          .sort((a, b) => b.n - a.n || a.i - b.i)
          .map((x) => x.s);
  const choices = ranked.map((s) => ({
    name: clip(s.label, LIMITS.choiceText),
    value: clip(s.value, LIMITS.choiceText),
  }));
  const exact = list.some(
    (s) => s.value.toLowerCase() === raw.toLowerCase() || s.label.toLowerCase() === raw.toLowerCase(),
  );
  if (raw.length >= 3 && !exact)
    choices.unshift({ name: clip(raw, LIMITS.choiceText), value: clip(raw, LIMITS.choiceText) });
  const seen = new Set<string>();
  return choices.filter((c) => !seen.has(c.value) && seen.add(c.value)).slice(0, LIMITS.autocompleteChoices);
}

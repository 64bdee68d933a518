// Finds a SIG from what a person typed: its id, its name, its label, or its id without the prefix.
import type { Content, Sig } from './types.js';

const simplify = (s: string) => s.toLowerCase().replace(/^#/, '').replace(/[\s_]+/g, '-').trim();

export function findSig(content: Content, typed: string): Sig | undefined {
  const want = simplify(typed);
  if (!want) return undefined;
  return (
    content.sigById.get(want) ??
    content.sigs.find((s) => s.id === `sig-${want}` || s.id === `wg-${want}` || s.id === `committee-${want}`) ??
    content.sigs.find((s) => simplify(s.name) === want || simplify(s.name) === want.replace(/^(sig|wg)-/, '')) ??
    content.sigs.find((s) => s.labels.some((l) => simplify(l) === want))
  );
}

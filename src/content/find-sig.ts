// Finds a group from what a person typed: its id, its name, its label, or its id without its kind (`network` for sig-network).
import type { Content, Sig } from './types.js';

const simplify = (s: string) =>
  s
    .toLowerCase()
    .replace(/^#/, '')
    .replace(/[\s_]+/g, '-')
    .trim();

export function findSig(content: Content, typed: string): Sig | undefined {
  const want = simplify(typed);
  if (!want) return undefined;
  // The community's own kinds are the prefixes its ids may carry: `sig-`, `wg-`, `team-`.
  const kinds = Object.keys(content.community.groupKinds);
  const bare = kinds.reduce((w, k) => (w.startsWith(`${k}-`) ? w.slice(k.length + 1) : w), want);
  return (
    content.sigById.get(want) ??
    content.sigs.find((s) => kinds.some((k) => s.id === `${k}-${want}`)) ??
    content.sigs.find((s) => simplify(s.name) === want || simplify(s.name) === bare) ??
    content.sigs.find((s) => s.labels.some((l) => simplify(l) === want))
  );
}

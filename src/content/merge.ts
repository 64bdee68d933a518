// Merges an imported community catalogue into the curated one: curated fields win, lists are joined.
import type { Subproject } from './schema.js';
import type { Sig } from './types.js';

function mergeSubprojects(curated: Subproject[], imported: Subproject[]): Subproject[] {
  const byName = new Map(imported.map((s) => [s.name, s]));
  const merged = curated.map((c) => {
    const other = byName.get(c.name);
    byName.delete(c.name);
    return other
      ? {
          name: c.name,
          repos: [...new Set([...c.repos, ...other.repos])],
          keywords: [...new Set([...c.keywords, ...other.keywords])],
        }
      : c;
  });
  return [...merged, ...byName.values()];
}

function mergeOne(curated: Sig, imported: Sig): Sig {
  const pick = <T>(a: T[], b: T[]) => (a.length > 0 ? a : b);
  return {
    ...curated,
    keywords: [...new Set([...curated.keywords, ...imported.keywords])],
    labels: pick(curated.labels, imported.labels),
    channels: { ...imported.channels, ...curated.channels },
    leads: pick(curated.leads, imported.leads),
    meetings: pick(curated.meetings, imported.meetings),
    subprojects: mergeSubprojects(curated.subprojects, imported.subprojects),
    ...(imported.mission ? { mission: imported.mission } : {}),
  };
}

/** Groups only the import knows are added as they are; groups only the curated catalogue knows stay. */
export function mergeCatalogues(curated: Sig[], imported: Sig[]): Sig[] {
  const importedById = new Map(imported.map((s) => [s.id, s]));
  const out = curated.map((c) => {
    const other = importedById.get(c.id);
    importedById.delete(c.id);
    return other ? mergeOne(c, other) : c;
  });
  return [...out, ...importedById.values()];
}

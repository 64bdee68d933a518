// Imports a sigs.yaml in the format the Kubernetes community publishes (kubernetes/community) into catalogue entries.
import { z } from 'zod';
import type { Meeting, Person, SigKind, Subproject } from './schema.js';
import type { Sig } from './types.js';

// A third-party format: unknown keys are ignored (it grows over time), but what we read is checked.
const personSchema = z.object({ github: z.string(), name: z.string().optional() });
const meetingSchema = z.object({
  description: z.string().default('Meeting'),
  day: z.coerce.string().default(''),
  time: z.coerce.string().default(''),
  tz: z.string().default(''),
  frequency: z.coerce.string().default(''),
  url: z.string().optional(),
});
const groupSchema = z.object({
  dir: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  mission_statement: z.string().optional(),
  label: z.string().optional(),
  leadership: z
    .object({ chairs: z.array(personSchema).optional(), tech_leads: z.array(personSchema).optional() })
    .optional(),
  meetings: z.array(meetingSchema).nullish(),
  contact: z.object({ slack: z.string().optional() }).nullish(),
  subprojects: z
    .array(z.object({ name: z.string(), description: z.string().optional(), owners: z.array(z.string()).nullish() }))
    .nullish(),
});
export const sigsYamlSchema = z.object({
  sigs: z.array(groupSchema).nullish(),
  workinggroups: z.array(groupSchema).nullish(),
  committees: z.array(groupSchema).nullish(),
  usergroups: z.array(groupSchema).nullish(),
});
export type SigsYamlFile = z.infer<typeof sigsYamlSchema>;

/** The zone names this file uses, mapped to IANA zones so meeting times can be computed. */
const ZONES: Record<string, string> = {
  pt: 'America/Los_Angeles',
  pacific: 'America/Los_Angeles',
  et: 'America/New_York',
  est: 'America/New_York',
  eastern: 'America/New_York',
  cet: 'Europe/Berlin',
  'central european': 'Europe/Berlin',
  utc: 'UTC',
  gmt: 'UTC',
  ist: 'Asia/Kolkata',
  poland: 'Europe/Warsaw',
};

export function toIanaZone(label: string): string {
  const key = label.toLowerCase();
  const hit = Object.keys(ZONES)
    .sort((a, b) => b.length - a.length)
    .find((k) => new RegExp(`(^|[^a-z])${k}([^a-z]|$)`).test(key));
  return hit ? ZONES[hit]! : label;
}

/** OWNERS file URLs name the repository a subproject lives in: raw.githubusercontent.com/<owner>/<repo>/… */
export function repoFromOwnersUrl(url: string): string | null {
  const m = /^https:\/\/(?:raw\.githubusercontent\.com|github\.com)\/([\w.-]+)\/([\w.-]+)\//.exec(url);
  return m ? `${m[1]}/${m[2]}` : null;
}

const KIND_BY_GROUP: Record<string, SigKind> = {
  sigs: 'sig',
  workinggroups: 'wg',
  committees: 'committee',
  usergroups: 'ug',
};
/** The label prefix each section's groups use on issues (`sig/network`, `wg/batch`). */
const LABEL_PREFIX: Record<string, string> = {
  sigs: 'sig',
  workinggroups: 'wg',
  committees: 'committee',
  usergroups: 'ug',
};

function toPeople(list: { github: string; name?: string | undefined }[] | undefined): Person[] {
  return (list ?? []).map((p) => ({ github: p.github, name: p.name ?? p.github }));
}

/**
 * `knownKinds` are the community's group kinds: a section whose kind the community does not name
 * (it calls none of its groups working groups) is filed under `fallbackKind`.
 */
export function importSigsYaml(
  file: SigsYamlFile,
  knownKinds: readonly string[] = Object.values(KIND_BY_GROUP),
  fallbackKind = 'sig',
): Sig[] {
  const out: Sig[] = [];
  for (const [group, sectionKind] of Object.entries(KIND_BY_GROUP)) {
    const kind = knownKinds.includes(sectionKind) ? sectionKind : fallbackKind;
    for (const g of file[group as keyof SigsYamlFile] ?? []) {
      const chairs = toPeople(g.leadership?.chairs);
      const leads = chairs.length > 0 ? chairs : toPeople(g.leadership?.tech_leads);
      const meetings: Meeting[] = (g.meetings ?? []).map((m) => ({
        description: m.description,
        day: m.day,
        time: m.time,
        timezone: toIanaZone(m.tz),
        frequency: m.frequency,
        ...(m.url && /^https:\/\//.test(m.url) ? { url: m.url } : {}),
      }));
      const subprojects: Subproject[] = (g.subprojects ?? []).map((s) => ({
        name: s.name,
        repos: [...new Set((s.owners ?? []).map(repoFromOwnersUrl).filter((r): r is string => r !== null))],
        keywords: s.description ? [s.description] : [],
      }));
      out.push({
        id: g.dir,
        kind,
        name: g.name,
        description: { en: (g.mission_statement ?? g.name).trim() },
        keywords: [],
        labels: g.label ? [`${LABEL_PREFIX[group] ?? group}/${g.label}`] : [],
        channels: g.contact?.slack ? { slack: g.contact.slack } : {},
        leads,
        meetings,
        subprojects,
        ...(g.mission_statement ? { mission: g.mission_statement.trim() } : {}),
      });
    }
  }
  return out;
}

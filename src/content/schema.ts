// Strict schemas for what a community edits in content/: an unknown or missing key is an error.
import { z } from 'zod';

const httpsUrl = z.string().refine((v) => /^https?:\/\//.test(v) && URL.canParse(v), 'expected an http(s) URL');
const repoName = z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'expected owner/repo');
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
const ownerName = z.string().regex(/^[\w.-]+$/, 'expected a GitHub organisation or user name');

/** Text in both languages the bot speaks; French may be omitted, English is the fallback. */
export const localizedText = z.strictObject({ en: z.string().min(1), fr: z.string().min(1).optional() });
export type LocalizedText = z.infer<typeof localizedText>;

const link = z.strictObject({ label: localizedText, url: httpsUrl });
export type ContentLink = z.infer<typeof link>;

/** Channel names (or ids) per platform. */
const platformChannels = z.strictObject({
  slack: z.array(z.string().min(1)).default([]),
  discord: z.array(z.string().min(1)).default([]),
  console: z.array(z.string().min(1)).default([]),
});

export const communitySchema = z.strictObject({
  name: z.string().min(1),
  description: localizedText,
  links: z.strictObject({
    contributorGuide: httpsUrl,
    codeOfConduct: httpsUrl,
    firstPullRequest: httpsUrl,
    issueFinder: httpsUrl.optional(),
    chat: httpsUrl.optional(),
  }),
  github: z.strictObject({
    orgs: z.array(ownerName).default([]),
    repos: z.array(repoName).default([]),
    labels: z.array(z.string().min(1)).min(1),
    /** How to say "I'll take it" on an issue, per org or repo; the most specific entry wins. */
    claim: z.strictObject({
      default: z.enum(['comment', 'prow']),
      prow: z.array(z.union([ownerName, repoName])).default([]),
    }),
  }),
  channels: z.strictObject({
    /** Channels where the bot answers plain messages (high-confidence questions only). */
    newcomer: platformChannels,
    /** Where to send someone with a general question. */
    help: z.strictObject({ slack: z.string().optional(), discord: z.string().optional() }),
  }),
  onboarding: z
    .array(z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/), title: localizedText, text: localizedText, url: httpsUrl.optional() }))
    .min(1),
});
export type Community = z.infer<typeof communitySchema>;

const person = z.strictObject({
  name: z.string().min(1),
  github: z.string().regex(/^[\w-]+$/),
  /** Who they are in chat, per platform: a user id or a handle (group leads get /report and lead notes). */
  chat: z.record(z.string().min(1), z.string().min(1)).optional(),
});
export type Person = z.infer<typeof person>;

const meeting = z.strictObject({
  description: z.string().min(1),
  day: z.enum(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']),
  time: z.string().regex(/^\d{1,2}:\d{2}$/, 'expected HH:MM'),
  /** An IANA zone, so the next weekly meeting can be computed; imported meetings may carry free text. */
  timezone: z.string().refine(isTimeZone, 'expected an IANA time zone such as America/Los_Angeles'),
  frequency: z.string().min(1),
  url: httpsUrl.optional(),
});
/** Imported meetings keep the community file's free text for day, zone and frequency. */
export type Meeting = Omit<z.infer<typeof meeting>, 'day'> & { day: string };

const subproject = z.strictObject({
  name: z.string().min(1),
  repos: z.array(repoName).default([]),
  keywords: z.array(z.string().min(1)).default([]),
});
export type Subproject = z.infer<typeof subproject>;

export const sigSchema = z.strictObject({
  id: z.string().regex(/^(sig|wg|committee|ug)-[a-z0-9-]+$/, 'expected the sigs.yaml dir, e.g. sig-network'),
  name: z.string().min(1),
  description: localizedText,
  keywords: z.array(z.string().min(1)).default([]),
  labels: z.array(z.string().min(1)).default([]),
  channels: z.strictObject({ slack: z.string().optional(), discord: z.string().optional() }).default({}),
  leads: z.array(person).default([]),
  /** Fewer free starter issues than this and the leads' weekly note warns them (default 3). */
  min_free_issues: z.number().int().min(0).optional(),
  meetings: z.array(meeting).default([]),
  subprojects: z.array(subproject).default([]),
});
export const sigsFileSchema = z.strictObject({ sigs: z.array(sigSchema).min(1) });
export type SigEntry = z.infer<typeof sigSchema>;
export type SigKind = 'sig' | 'wg' | 'committee' | 'ug';

export const faqSchema = z.strictObject({
  faq: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9-]+$/),
        /** Ways people ask it, per language: what retrieval matches against. */
        questions: z.strictObject({ en: z.array(z.string().min(1)).min(1), fr: z.array(z.string().min(1)).min(1) }),
        answer: z.strictObject({ en: z.string().min(1), fr: z.string().min(1) }),
        links: z.array(link).default([]),
      }),
    )
    .min(1),
});
export type FaqEntry = z.infer<typeof faqSchema>['faq'][number];

export const localeSchema = z.record(z.string(), z.string());

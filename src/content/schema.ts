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

/** A language code as the locale files are named (`en`, `fr`, `es`, `pt-br`). */
export const LOCALE_CODE = /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/;

/** Something per language: English is required (every other language falls back to it), others optional. */
function perLocale<T extends z.ZodType>(value: T) {
  return z
    .object({ en: value })
    .catchall(value)
    .superRefine((texts, ctx) => {
      for (const key of Object.keys(texts))
        if (!LOCALE_CODE.test(key))
          ctx.addIssue({ code: 'custom', path: [key], message: 'expected a language code such as en, fr or es' });
    });
}

/** Text in the languages the bot speaks; only English is required, it is the fallback. */
export const localizedText = perLocale(z.string().min(1));
export type LocalizedText = z.infer<typeof localizedText>;

const link = z.strictObject({ label: localizedText, url: httpsUrl });
export type ContentLink = z.infer<typeof link>;

/** Channel names (or ids) per platform. */
const platformChannels = z.strictObject({
  slack: z.array(z.string().min(1)).default([]),
  discord: z.array(z.string().min(1)).default([]),
  console: z.array(z.string().min(1)).default([]),
});

const kindId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lowercase letters, digits and -');
const groupWords = z.strictObject({
  /** One group, as a sentence says it: `SIG`, `team`. */
  one: z.string().min(1),
  /** Several: `SIGs`, `teams`. */
  other: z.string().min(1),
  /** The full name shown beside a group's id (`special interest group`); `one` when omitted. */
  long: z.string().min(1).optional(),
});
export type GroupWords = z.infer<typeof groupWords>;

/**
 * How a newcomer says "I'll take it": a command the project's bot reads, a comment in their own words, or
 * no claiming at all (a draft pull request that mentions the issue). The policy fields travel with it.
 */
const claimFields = {
  step: z.enum(['command', 'comment', 'draft-pr']).optional(),
  /** The comment that takes the issue, exactly as typed (`/assign`, `@rustbot claim`). */
  command: z.string().min(1).max(100).optional(),
  /** The comment that gives it back (`/unassign`), if the bot has one. */
  release: z.string().min(1).max(100).optional(),
  /** At most this many open claims per person (overrides CLAIM_MAX_OPEN). */
  maxOpen: z.number().int().min(1).max(50).optional(),
  /** Only members take issues, except issues carrying one of these labels. */
  membersOnlyExcept: z.array(z.string().min(1)).min(1).optional(),
  /** The project's policy on AI-assisted contributions, shown with the step. */
  aiPolicy: httpsUrl.optional(),
};
function commandNeedsText(rule: { step?: string | undefined; command?: string | undefined }, ctx: z.RefinementCtx) {
  if (rule.step === 'command' && !rule.command)
    ctx.addIssue({ code: 'custom', path: ['command'], message: 'step "command" needs the command to comment' });
}
const claimRule = z.strictObject({ ...claimFields, step: claimFields.step.unwrap() }).superRefine(commandNeedsText);
const scopedClaimRule = z
  .strictObject({ ...claimFields, for: z.array(z.union([ownerName, repoName])).min(1) })
  .superRefine(commandNeedsText);
export type ClaimRuleEntry = z.infer<typeof scopedClaimRule>;

/** Discord's rule for a command name, which Slack and the console accept too: lowercase, 1 to 32 characters. */
export const COMMAND_NAME = /^[-_\p{L}\p{N}]{1,32}$/u;
const commandName = z
  .string()
  .regex(COMMAND_NAME, 'expected 1 to 32 letters, digits, - or _ (no slash, no space)')
  .refine((name) => name === name.toLowerCase(), 'expected lowercase letters');

/**
 * The community's own name for a command, by capability id (`{ sig: team }`): a community of teams types
 * `/team`. Names are unique and never another command's id; which ids exist is checked where the
 * capabilities are known (src/wiring/command-names.ts).
 */
const commandRenames = z
  .record(z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a command id such as sig'), commandName)
  .superRefine((names, ctx) => {
    const seen = new Map<string, string>();
    for (const [id, name] of Object.entries(names)) {
      if (seen.has(name))
        ctx.addIssue({ code: 'custom', path: [id], message: `"${name}" is already the name of ${seen.get(name)}` });
      else if (name !== id && name in names)
        ctx.addIssue({ code: 'custom', path: [id], message: `"${name}" is another command's id` });
      seen.set(name, id);
    }
  });
/**
 * A community event that recurs (a monthly new-contributor orientation), as a small subset of an RFC 5545
 * RRULE: `FREQ=WEEKLY;BYDAY=TU`, `FREQ=WEEKLY;INTERVAL=2;BYDAY=TU` (counted from `since`),
 * `FREQ=MONTHLY;BYDAY=3TU` (the third Tuesday) or `FREQ=MONTHLY;BYDAY=-1FR` (the last Friday).
 */
export const EVENT_RULE = /^FREQ=(WEEKLY|MONTHLY)(;INTERVAL=([1-9]))?;BYDAY=(-1|[1-4])?(MO|TU|WE|TH|FR|SA|SU)$/;
const communityEvent = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    name: localizedText,
    rrule: z
      .string()
      .regex(EVENT_RULE, 'expected FREQ=WEEKLY;BYDAY=TU or FREQ=MONTHLY;BYDAY=3TU (see the README, Editing content)'),
    /** The first day the rule counts from (needed by INTERVAL above 1), YYYY-MM-DD. */
    since: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    time: z.string().regex(/^\d{1,2}:\d{2}$/, 'expected HH:MM'),
    timezone: z.string().refine(isTimeZone, 'expected an IANA time zone such as UTC'),
    url: httpsUrl.optional(),
  })
  .superRefine((e, ctx) => {
    const m = EVENT_RULE.exec(e.rrule);
    if (m?.[1] === 'WEEKLY' && m[4])
      ctx.addIssue({ code: 'custom', path: ['rrule'], message: 'a weekly rule takes a plain weekday (BYDAY=TU)' });
    if (m?.[1] === 'MONTHLY' && !m[4])
      ctx.addIssue({
        code: 'custom',
        path: ['rrule'],
        message: 'a monthly rule says which weekday of the month (BYDAY=3TU)',
      });
    if (m?.[3] && Number(m[3]) > 1 && !e.since)
      ctx.addIssue({ code: 'custom', path: ['since'], message: 'INTERVAL above 1 needs the first day (since)' });
  });
export type CommunityEvent = z.infer<typeof communityEvent>;

/** The weekly starter post in each newcomer channel: opt-in, its schedule, how many issues, whose meetings. */
const starterPost = z.strictObject({
  enabled: z.boolean(),
  /** When it goes out, in DIGEST_TIMEZONE (cron, five or six fields; checked again by the scheduler). */
  cron: z
    .string()
    .regex(/^\S+( \S+){4,5}$/, 'expected a cron expression such as 0 9 * * 1')
    .default('0 9 * * 1'),
  /** Free starter issues listed, taken in turns across groups (at most five: it is a welcome, not a digest). */
  issues: z.number().int().min(0).max(5).default(5),
  /** Groups whose meetings welcome newcomers: their meetings this week are listed. */
  meetingsOf: z.array(kindId).default([]),
});
export type StarterPostSettings = z.infer<typeof starterPost>;

export const communitySchema = z.strictObject({
  name: z.string().min(1),
  /**
   * The kinds of groups the community is organised in and their words per language; the first is the
   * default kind. Without it, groups are called "group".
   */
  groupKinds: z
    .record(kindId, perLocale(groupWords))
    .refine((k) => Object.keys(k).length > 0, 'expected at least one kind')
    .default({ group: { en: { one: 'group', other: 'groups' }, fr: { one: 'groupe', other: 'groupes' } } }),
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
    /** Labels that make an issue a starter issue (any one of them). */
    labels: z.array(z.string().min(1)).min(1),
    /** Labels a starter issue must also carry (all of them). */
    requireLabels: z.array(z.string().min(1)).default([]),
    /** Labels that keep an issue out, whatever else it carries. */
    excludeLabels: z.array(z.string().min(1)).default([]),
    /** Automation and coding-agent accounts: an issue assigned to one is taken (accounts of type Bot are too). */
    automationAccounts: z.array(z.string().regex(/^[\w.[\]-]+$/, 'expected a GitHub login')).default([]),
    /** How to say "I'll take it" on an issue, per org or repo; the most specific entry wins. */
    claim: z.strictObject({ default: claimRule, rules: z.array(scopedClaimRule).default([]) }),
  }),
  channels: z.strictObject({
    /** Channels where the bot answers plain messages (high-confidence questions only). */
    newcomer: platformChannels,
    /** Where to send someone with a general question. */
    help: z.strictObject({ slack: z.string().optional(), discord: z.string().optional() }),
  }),
  onboarding: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9-]+$/),
        title: localizedText,
        text: localizedText,
        url: httpsUrl.optional(),
      }),
    )
    .min(1),
  commands: commandRenames.optional(),
  /** What happens after a first pull request is opened (checks, who reviews, how long is normal): told when the bot sees one. */
  prNextSteps: localizedText.optional(),
  starterPost: starterPost.optional(),
  /** Community-wide events that recur (orientations, community meetings): in the starter post, later in reminders. */
  events: z.array(communityEvent).default([]),
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
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lowercase letters, digits and -'),
  /** One of community.yaml's groupKinds; the first kind when omitted. */
  kind: kindId.optional(),
  name: z.string().min(1),
  description: localizedText,
  keywords: z.array(z.string().min(1)).default([]),
  labels: z.array(z.string().min(1)).default([]),
  channels: z.strictObject({ slack: z.string().optional(), discord: z.string().optional() }).default({}),
  leads: z.array(person).default([]),
  /** Fewer free starter issues than this and the leads' weekly note warns them (default 3). */
  min_free_issues: z.number().int().min(0).optional(),
  /** People who offered to help newcomers of this group, by their user id on each platform (and languages spoken). */
  mentors: z
    .array(
      z.strictObject({
        slack: z.string().min(1).optional(),
        discord: z.string().min(1).optional(),
        languages: z.array(z.string().min(2)).optional(),
      }),
    )
    .optional(),
  meetings: z.array(meeting).default([]),
  subprojects: z.array(subproject).default([]),
});
export const sigsFileSchema = z.strictObject({ sigs: z.array(sigSchema).min(1) });
/** The same catalogue for a community that does not call its groups SIGs: groups.yaml, `groups:`. */
export const groupsFileSchema = z.strictObject({ groups: z.array(sigSchema).min(1) });
export type SigEntry = z.infer<typeof sigSchema>;
/** A kind id from community.yaml's groupKinds. */
export type SigKind = string;

export const faqSchema = z.strictObject({
  faq: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9-]+$/),
        /** Ways people ask it, per language: what retrieval matches against. */
        questions: perLocale(z.array(z.string().min(1)).min(1)),
        answer: localizedText,
        links: z.array(link).default([]),
      }),
    )
    .min(1),
});
export type FaqEntry = z.infer<typeof faqSchema>['faq'][number];

export const localeSchema = z.record(z.string(), z.string());

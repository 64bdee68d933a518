// The store port capabilities and jobs use: one repository per concern over one database.
import type { Database } from './database.js';
import { createClaimRepo, type ClaimRepo } from './claims.js';
import { createGithubLoginRepo, type GithubLoginRepo } from './github-logins.js';
import { createHttpCacheRepo, type HttpCacheRepo } from './http-cache.js';
import { createIssueRepo, type IssueRepo } from './issues.js';
import { createListingRepo, type ListingRepo } from './listings.js';
import { createMentorRepo, type MentorRepo } from './mentors.js';
import { createWaitlistRepo, type WaitlistRepo } from './waitlist.js';
import { createDigestRepo, type DigestRepo } from './digests.js';
import { createFunnelRepo, type FunnelRepo } from './funnel.js';
import { createLeadNoteRepo, type LeadNoteRepo } from './funnel-leads.js';
import { createPersonalDataRepo, type PersonalDataRepo } from './personal-data.js';
import { createJobLocks, type JobLocks } from './job-locks.js';
import { createSubscriptionRepo, type SubscriptionRepo } from './subscriptions.js';
import { createUserRepo, type UserRepo } from './users.js';

export interface Store {
  users: UserRepo;
  subscriptions: SubscriptionRepo;
  digests: DigestRepo;
  issues: IssueRepo;
  httpCache: HttpCacheRepo;
  claims: ClaimRepo;
  waitlist: WaitlistRepo;
  listings: ListingRepo;
  githubLogins: GithubLoginRepo;
  jobLocks: JobLocks;
  funnel: FunnelRepo;
  leadNotes: LeadNoteRepo;
  personalData: PersonalDataRepo;
  mentors: MentorRepo;
}

export function createStore(database: Database): Store {
  const funnel = createFunnelRepo(database.db);
  return {
    users: createUserRepo(database.db),
    subscriptions: createSubscriptionRepo(database.db),
    digests: createDigestRepo(database.db),
    issues: createIssueRepo(database.db),
    httpCache: createHttpCacheRepo(database.db),
    claims: createClaimRepo(database.db, database.engine),
    waitlist: createWaitlistRepo(database.db),
    listings: createListingRepo(database.db),
    githubLogins: createGithubLoginRepo(database.db),
    jobLocks: createJobLocks(database.db, database.engine),
    funnel,
    leadNotes: createLeadNoteRepo(database.db),
    personalData: createPersonalDataRepo(database.db, database.engine, funnel),
    mentors: createMentorRepo(database.db),
  };
}

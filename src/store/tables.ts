// Row types of every table, as Kysely sees them. Times are ISO-8601 UTC strings on both engines.

export interface UsersTable {
  platform: string;
  workspace_id: string;
  user_id: string;
  locale: string | null;
  created_at: string;
  updated_at: string;
  /** Added by 003-claims: used only to notice progress on claimed issues, never as proof of identity. */
  github_login: string | null;
  github_asked_at: string | null;
  /** Added by 006-seen-locale: the language of the person's last clear message (their choice still wins). */
  seen_locale: string | null;
}

export interface SubscriptionsTable {
  platform: string;
  workspace_id: string;
  user_id: string;
  sig_id: string;
  created_at: string;
}

/** A claimable issue in the index (002-issues); `labels` and `sig_ids` are JSON arrays. */
export interface IssuesTable {
  key: string;
  owner: string;
  repo: string;
  repo_key: string;
  number: number;
  title: string;
  url: string;
  labels: string;
  sig_ids: string;
  language: string | null;
  created_at: string;
  updated_at: string;
  first_seen_at: string;
  last_seen_at: string;
}

export interface IssueQueryMembersTable {
  query_key: string;
  issue_key: string;
}

/** One search query of the index and how its last refresh went; `ok` and `complete` are 0 or 1. */
export interface IssueQueriesTable {
  query_key: string;
  query: string;
  refreshed_at: string | null;
  attempted_at: string;
  ok: number;
  complete: number;
  total: number;
  error: string | null;
}

export interface HttpCacheTable {
  key: string;
  etag: string;
  body: string;
  stored_at: string;
}

export interface GithubReposTable {
  repo_key: string;
  language: string | null;
  checked_at: string;
}

/** A claim (003-claims): `status` is open, released or done. */
export interface ClaimsTable {
  id: string;
  platform: string;
  workspace_id: string;
  user_id: string;
  issue_key: string;
  owner: string;
  repo: string;
  number: number;
  title: string;
  url: string;
  sig_id: string | null;
  status: string;
  reason: string | null;
  created_at: string;
  progress_at: string | null;
  reminded_at: string | null;
  ended_at: string | null;
}

export interface ClaimWaitlistTable {
  issue_key: string;
  platform: string;
  workspace_id: string;
  user_id: string;
  owner: string;
  repo: string;
  number: number;
  title: string;
  url: string;
  created_at: string;
  notified_at: string | null;
}

/** The issues last listed to a person (JSON), so "#123" right after a listing means one of them. */
export interface IssueListingsTable {
  platform: string;
  workspace_id: string;
  user_id: string;
  issues: string;
  created_at: string;
}

/** One weekly digest run per period (004-digests); `status` is running, incomplete or done. */
export interface DigestRunsTable {
  period_key: string;
  status: string;
  planned_at: string | null;
  started_at: string;
  finished_at: string | null;
}

/** One row per (period, destination); `issue_keys` is a JSON array of what was sent. */
export interface DigestDeliveriesTable {
  period_key: string;
  destination: string;
  platform: string;
  workspace_id: string;
  kind: string;
  target_id: string;
  status: string;
  attempts: number;
  cutoff: string | null;
  issue_keys: string | null;
  message_id: string | null;
  error: string | null;
  updated_at: string;
}

/** People who turned weekly digests by direct message on. */
export interface DigestDmOptinsTable {
  platform: string;
  workspace_id: string;
  user_id: string;
  created_at: string;
}

/** Every scheduled job's lock: a lease on SQLite; on PostgreSQL a record of who holds the advisory lock (008-job-locks). */
export interface JobLocksTable {
  name: string;
  owner: string;
  /** Empty on PostgreSQL: the advisory lock ends with its holder's session, not at a time. */
  expires_at: string;
  host: string | null;
  pid: number | null;
  acquired_at: string | null;
}

/** Events already answered (005-events), so a redelivery is dropped on any replica. */
export interface ProcessedEventsTable {
  platform: string;
  event_id: string;
  seen_at: string;
}

/** What a Discord custom_id too long to carry points to (007-action-stash): `value` is JSON. */
export interface ActionStashTable {
  key: string;
  value: string;
  stored_at: string;
}

/** A person's first time at a funnel step (010-funnel): never message text. */
export interface FunnelEventsTable {
  platform: string;
  workspace_id: string;
  user_id: string;
  step: string;
  group_id: string | null;
  language: string | null;
  at: string;
}

/** Funnel steps with nobody behind them any more (erased or past retention), per week (its Monday, UTC). */
export interface FunnelCountsTable {
  week: string;
  step: string;
  group_id: string;
  platform: string;
  language: string;
  count: number;
}

/** A group lead's opt-in to the weekly lead note (010-funnel), with the language to write it in. */
export interface LeadNoteOptinsTable {
  platform: string;
  workspace_id: string;
  user_id: string;
  group_id: string;
  locale: string | null;
  created_at: string;
}

export interface Tables {
  users: UsersTable;
  subscriptions: SubscriptionsTable;
  digest_runs: DigestRunsTable;
  digest_deliveries: DigestDeliveriesTable;
  digest_dm_optins: DigestDmOptinsTable;
  job_locks: JobLocksTable;
  issues: IssuesTable;
  issue_query_members: IssueQueryMembersTable;
  issue_queries: IssueQueriesTable;
  http_cache: HttpCacheTable;
  github_repos: GithubReposTable;
  claims: ClaimsTable;
  claim_waitlist: ClaimWaitlistTable;
  issue_listings: IssueListingsTable;
  processed_events: ProcessedEventsTable;
  action_stash: ActionStashTable;
  funnel_events: FunnelEventsTable;
  funnel_counts: FunnelCountsTable;
  lead_note_optins: LeadNoteOptinsTable;
}

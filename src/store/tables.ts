// Row types of every table, as Kysely sees them. Times are ISO-8601 UTC strings on both engines.

export interface UsersTable {
  platform: string;
  workspace_id: string;
  user_id: string;
  locale: string | null;
  created_at: string;
  updated_at: string;
}

export interface SubscriptionsTable {
  platform: string;
  workspace_id: string;
  user_id: string;
  sig_id: string;
  created_at: string;
}

export interface Tables {
  users: UsersTable;
  subscriptions: SubscriptionsTable;
}

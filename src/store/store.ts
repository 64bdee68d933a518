// The store port capabilities and jobs use: one repository per concern over one database.
import type { Database } from './database.js';
import { createSubscriptionRepo, type SubscriptionRepo } from './subscriptions.js';
import { createUserRepo, type UserRepo } from './users.js';

export interface Store {
  users: UserRepo;
  subscriptions: SubscriptionRepo;
}

export function createStore(database: Database): Store {
  return {
    users: createUserRepo(database.db),
    subscriptions: createSubscriptionRepo(database.db),
  };
}

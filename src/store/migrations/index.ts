// The ordered list of migrations; each file adds the tables one capability needs.
import type { Migration } from 'kysely';
import type { Engine } from '../database.js';
import { foundation } from './001-foundation.js';
import { issues } from './002-issues.js';
import { claims } from './003-claims.js';
import { digests } from './004-digests.js';
import { events } from './005-events.js';
import { seenLocale } from './006-seen-locale.js';
import { actionStash } from './007-action-stash.js';
import { jobLocks } from './008-job-locks.js';
import { funnel } from './010-funnel.js';
import { mentors } from './009-mentors.js';

export type MigrationFactory = (engine: Engine) => Migration;

const MIGRATIONS: Record<string, MigrationFactory> = {
  '001-foundation': foundation,
  '002-issues': issues,
  '003-claims': claims,
  '004-digests': digests,
  '005-events': events,
  '006-seen-locale': seenLocale,
  '007-action-stash': actionStash,
  '008-job-locks': jobLocks,
  '010-funnel': funnel,
  '009-mentors': mentors,
};

export function createMigrations(engine: Engine): Record<string, Migration> {
  return Object.fromEntries(Object.entries(MIGRATIONS).map(([name, make]) => [name, make(engine)]));
}

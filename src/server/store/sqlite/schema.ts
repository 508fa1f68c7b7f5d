// The SQLite schema. Times are epoch milliseconds (INTEGER) and days are UTC epoch days, so ranges
// compare instants, never text. `events` is the tamper-evident log (canonical JSON + hash chain, in
// arrival order `seq`); the other tables are aggregates kept in the same transaction, so reports read
// small tables instead of every event. PRAGMA user_version holds the schema version (see migrate.ts).
// No index holds tool_intervals.last_at: extending a run (the common write) then rewrites only its row.

import { usageSchema, usageTotalsSchema } from '../../usage/schema';

/**
 * 1: the log and its aggregates; 2: verified records keep their own hash and receive time, enrollments are
 * chained; 3: the usage rollups; 4: their running totals per developer and tool; 5: the log indexed by event
 * type. Each step is self-contained (migrate.ts).
 */
export const SCHEMA_VERSION = 5;

/** Version 5: the few records of a type (exception requests and decisions) are read without scanning the whole log. */
export const SCHEMA_TYPE_INDEX = `CREATE INDEX events_type ON events (type);`;

export const SCHEMA_V1 = `
CREATE TABLE events (
  seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, time TEXT NOT NULL, at INTEGER NOT NULL,
  developer TEXT NOT NULL, machine TEXT, policy_version INTEGER, received TEXT NOT NULL, auth TEXT NOT NULL,
  body TEXT NOT NULL, hash TEXT NOT NULL
);
CREATE TABLE counters (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE developers (
  developer TEXT PRIMARY KEY, first_at INTEGER NOT NULL, last_at INTEGER NOT NULL,
  policy_version INTEGER, editor TEXT, extension_version TEXT
) WITHOUT ROWID;
CREATE TABLE machines (machine TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE activity (day INTEGER NOT NULL, developer TEXT NOT NULL, PRIMARY KEY (day, developer)) WITHOUT ROWID;
CREATE TABLE inventories (
  developer TEXT NOT NULL, machine TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (developer, machine, at)
) WITHOUT ROWID;
CREATE TABLE tool_intervals (
  id INTEGER PRIMARY KEY, developer TEXT NOT NULL, machine TEXT NOT NULL, tool TEXT NOT NULL, status TEXT NOT NULL,
  name TEXT, version TEXT, enabled INTEGER, active INTEGER, first_at INTEGER NOT NULL, last_at INTEGER NOT NULL
);
CREATE INDEX tool_intervals_key ON tool_intervals (developer, machine, tool, status);
CREATE INDEX tool_intervals_machine ON tool_intervals (developer, machine, first_at);
CREATE TABLE daily (
  day INTEGER NOT NULL, developer TEXT NOT NULL, ai_tools INTEGER NOT NULL, PRIMARY KEY (day, developer)
) WITHOUT ROWID;
CREATE TABLE policy_versions (
  version INTEGER NOT NULL, hash TEXT NOT NULL, signature TEXT NOT NULL, organization TEXT, published TEXT,
  effective TEXT, reviewed_on TEXT, next_review TEXT, first_at INTEGER NOT NULL, last_at INTEGER NOT NULL,
  PRIMARY KEY (version, hash, signature)
) WITHOUT ROWID;
CREATE TABLE policy_seen (
  version INTEGER NOT NULL, developer TEXT NOT NULL, first_at INTEGER NOT NULL, PRIMARY KEY (version, developer)
) WITHOUT ROWID;
CREATE TABLE acks (
  developer TEXT NOT NULL, version INTEGER NOT NULL, hash TEXT, first_at INTEGER NOT NULL, first_auth TEXT NOT NULL,
  verified_at INTEGER, PRIMARY KEY (developer, version)
) WITHOUT ROWID;
CREATE TABLE training_completions (
  developer TEXT NOT NULL, training TEXT NOT NULL, at INTEGER NOT NULL, auth TEXT NOT NULL, title TEXT,
  PRIMARY KEY (developer, training, at)
) WITHOUT ROWID;
CREATE TABLE exposure_days (
  day INTEGER NOT NULL, developer TEXT NOT NULL, n INTEGER NOT NULL, last_at INTEGER NOT NULL, PRIMARY KEY (day, developer)
) WITHOUT ROWID;
CREATE TABLE exposure_classes (
  day INTEGER NOT NULL, developer TEXT NOT NULL, class TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (day, developer, class)
) WITHOUT ROWID;
CREATE TABLE exposure_tools (
  day INTEGER NOT NULL, developer TEXT NOT NULL, tool TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (day, developer, tool)
) WITHOUT ROWID;
CREATE TABLE enrollments (
  token_hash TEXT PRIMARY KEY, developer TEXT NOT NULL, created_at INTEGER NOT NULL, revoked_at INTEGER
) WITHOUT ROWID;
CREATE INDEX enrollments_developer ON enrollments (developer);
CREATE TABLE sessions (id_hash TEXT PRIMARY KEY, expires_at INTEGER NOT NULL) WITHOUT ROWID;
`;

/** Version 3: the usage rollups (../../usage/schema.ts). */
export const SCHEMA_USAGE = usageSchema({ int: 'INTEGER', bigint: 'INTEGER', real: 'REAL', text: 'TEXT', withoutRowid: ' WITHOUT ROWID' });

/** Version 4: the usage rollups' running totals (../../usage/totals.ts). */
export const SCHEMA_TOTALS = usageTotalsSchema({ int: 'INTEGER', real: 'REAL', text: 'TEXT', withoutRowid: ' WITHOUT ROWID' });

/** Aggregate tables of the schema before versioning (user_version 0), dropped when it is migrated. */
export const V0_AGGREGATES = ['counters', 'developers', 'machines', 'snapshots', 'dev_tools', 'daily', 'policy_seen', 'acks', 'trainings', 'exposures', 'exposure_devs'];

/**
 * Version 2 (verified records keep their own hash and receive time; enrollments are chained): new columns
 * only; migrate.ts then chains the enrollments that exist and folds the aggregates again from the log.
 */
export const SCHEMA_V2_COLUMNS = `
ALTER TABLE acks ADD COLUMN verified_hash TEXT;
ALTER TABLE acks ADD COLUMN verified_received INTEGER;
ALTER TABLE training_completions ADD COLUMN received INTEGER;
`;

/** Tables folded from the chained log (verify-log rebuilds and compares them); `counters` apart. */
export const FOLDED_TABLES = ['developers', 'machines', 'activity', 'inventories', 'tool_intervals', 'daily', 'policy_versions', 'policy_seen', 'acks', 'training_completions', 'exposure_days', 'exposure_classes', 'exposure_tools', 'enrollments'];

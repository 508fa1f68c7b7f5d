// The PostgreSQL schema: the same tables as the SQLite store (times in epoch ms as bigint, days as UTC
// epoch days), plus `chain_head`, one row holding the log's last seq and hash. Every ingest transaction
// locks that row first (SELECT ... FOR UPDATE), so instances sharing the database append one after the
// other and the chain never forks; seq is assigned under that lock, so it has no gaps.
// `inventory_latest` (newest inventory per machine) spares the report a lookup per tool run.
// `schema_meta` holds the schema version (see migrate.ts).

import { usageSchema, usageTotalsSchema, USAGE_TABLES } from '../../usage/schema';
import { SNAPSHOTS_FUNCTION } from './snapshotsFunction';

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
  seq bigint PRIMARY KEY, id text NOT NULL UNIQUE, type text NOT NULL, time text NOT NULL, at bigint NOT NULL,
  developer text NOT NULL, machine text, policy_version integer, received text NOT NULL, auth text NOT NULL,
  body text NOT NULL, hash text NOT NULL
);
CREATE TABLE chain_head (one boolean PRIMARY KEY DEFAULT true CHECK (one), seq bigint NOT NULL, hash text NOT NULL);
INSERT INTO chain_head (seq, hash) VALUES (0, '${'0'.repeat(64)}');
CREATE TABLE counters (name text PRIMARY KEY, n bigint NOT NULL);
CREATE TABLE developers (
  developer text PRIMARY KEY, first_at bigint NOT NULL, last_at bigint NOT NULL,
  policy_version integer, editor text, extension_version text
);
CREATE TABLE machines (machine text PRIMARY KEY);
CREATE TABLE activity (day integer NOT NULL, developer text NOT NULL, PRIMARY KEY (day, developer));
CREATE TABLE inventories (developer text NOT NULL, machine text NOT NULL, at bigint NOT NULL, PRIMARY KEY (developer, machine, at));
-- The newest inventory per machine (which tools are still present), kept by aip_snapshots.
CREATE TABLE inventory_latest (developer text NOT NULL, machine text NOT NULL, at bigint NOT NULL, PRIMARY KEY (developer, machine));
CREATE TABLE tool_intervals (
  id bigserial PRIMARY KEY, developer text NOT NULL, machine text NOT NULL, tool text NOT NULL, status text NOT NULL,
  name text, version text, enabled smallint, active smallint, first_at bigint NOT NULL, last_at bigint NOT NULL
);
CREATE INDEX tool_intervals_key ON tool_intervals (developer, machine, tool, status);
CREATE INDEX tool_intervals_machine ON tool_intervals (developer, machine, first_at);
CREATE TABLE daily (day integer NOT NULL, developer text NOT NULL, ai_tools integer NOT NULL, PRIMARY KEY (day, developer));
CREATE TABLE policy_versions (
  version integer NOT NULL, hash text NOT NULL, signature text NOT NULL, organization text, published text,
  effective text, reviewed_on text, next_review text, first_at bigint NOT NULL, last_at bigint NOT NULL,
  PRIMARY KEY (version, hash, signature)
);
CREATE TABLE policy_seen (version integer NOT NULL, developer text NOT NULL, first_at bigint NOT NULL, PRIMARY KEY (version, developer));
CREATE TABLE acks (
  developer text NOT NULL, version integer NOT NULL, hash text, first_at bigint NOT NULL, first_auth text NOT NULL,
  verified_at bigint, PRIMARY KEY (developer, version)
);
CREATE TABLE training_completions (
  developer text NOT NULL, training text NOT NULL, at bigint NOT NULL, auth text NOT NULL, title text,
  PRIMARY KEY (developer, training, at)
);
CREATE TABLE exposure_days (day integer NOT NULL, developer text NOT NULL, n bigint NOT NULL, last_at bigint NOT NULL, PRIMARY KEY (day, developer));
CREATE TABLE exposure_classes (day integer NOT NULL, developer text NOT NULL, class text NOT NULL, n bigint NOT NULL, PRIMARY KEY (day, developer, class));
CREATE TABLE exposure_tools (day integer NOT NULL, developer text NOT NULL, tool text NOT NULL, n bigint NOT NULL, PRIMARY KEY (day, developer, tool));
CREATE TABLE enrollments (token_hash text PRIMARY KEY, developer text NOT NULL, created_at bigint NOT NULL, revoked_at bigint);
CREATE INDEX enrollments_developer ON enrollments (developer);
CREATE TABLE sessions (id_hash text PRIMARY KEY, expires_at bigint NOT NULL);
${SNAPSHOTS_FUNCTION}
`;

export const TABLES = ['events', 'chain_head', 'counters', 'developers', 'machines', 'activity', 'inventories', 'inventory_latest', 'tool_intervals', 'daily', 'policy_versions', 'policy_seen', 'acks', 'training_completions', 'exposure_days', 'enrollments', 'sessions', ...USAGE_TABLES];

/** Version 2: verified acknowledgements keep their own hash and receive time, completions their receive time (see migrate.ts). */
export const SCHEMA_V2_COLUMNS = `
ALTER TABLE acks ADD COLUMN verified_hash text, ADD COLUMN verified_received bigint;
ALTER TABLE training_completions ADD COLUMN received bigint;
`;

/** Tables folded from the chained log (verify-log rebuilds and compares them); `counters` apart. */
export const FOLDED_TABLES = ['developers', 'machines', 'activity', 'inventories', 'inventory_latest', 'tool_intervals', 'daily', 'policy_versions', 'policy_seen', 'acks', 'training_completions', 'exposure_days', 'exposure_classes', 'exposure_tools', 'enrollments'];

/** Version 3: the usage rollups (../../usage/schema.ts). */
export const SCHEMA_USAGE = usageSchema({ int: 'integer', bigint: 'bigint', real: 'double precision', text: 'text', withoutRowid: '' });

/** Version 4: the usage rollups' running totals (../../usage/totals.ts). */
export const SCHEMA_TOTALS = usageTotalsSchema({ int: 'integer', real: 'double precision', text: 'text', withoutRowid: '' });

// Schema migrations, keyed by PRAGMA user_version, each in one IMMEDIATE transaction (a second process
// starting at the same moment waits, then finds the work done). Version 0 is the unversioned schema of
// the first release: its events are kept, given instants and canonical JSON, chained in their arrival
// order, and replayed through today's aggregates (which it lacked: tool history, verified records...).
import canonicalize from 'canonicalize';
import { parseInstant } from '../../validate';
import { enrollmentRecord } from '../enrollmentRecord';
import type { LogRow } from './ingest';
import { createAppender, logRowOf } from './ingest';
import type { Db } from './db';
import { replayLog } from './replay';
import { usageTotalsFill } from '../../usage/schema';
import { FOLDED_TABLES, SCHEMA_TOTALS, SCHEMA_TYPE_INDEX, SCHEMA_USAGE, SCHEMA_V1, SCHEMA_V2_COLUMNS, SCHEMA_VERSION, V0_AGGREGATES } from './schema';

const CHUNK = 5000;

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Db, log: (line: string) => void = () => undefined): void {
  if (schemaVersion(db) === SCHEMA_VERSION) return;
  db.transaction(() => {
    const version = schemaVersion(db);
    if (version === SCHEMA_VERSION) return;
    if (version > SCHEMA_VERSION) throw new Error(`the database was written by a newer version (schema ${version}; this version reads up to ${SCHEMA_VERSION})`);
    const hasEvents = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'`).get() !== undefined;
    if (!hasEvents) db.exec(SCHEMA_V1 + SCHEMA_V2_COLUMNS + SCHEMA_USAGE + SCHEMA_TOTALS + SCHEMA_TYPE_INDEX);
    else if (version === 0) fromV0(db, log);
    else {
      // Version 3's usage rollups start empty (no earlier event carries usage); they exist before the
      // version 2 step, whose appender writes them.
      if (!hasTable(db, 'usage_days')) db.exec(SCHEMA_USAGE);
      // Version 4's running totals are summed from the daily rows there are (none below version 3).
      if (!hasTable(db, 'usage_totals')) toV4(db, log);
      if (version < 5) toV5(db, log);
      if (version < 2) toV2(db, log);
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

const hasTable = (db: Db, name: string): boolean => db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;

/** Schema 4 → 5: the log's index by event type (one pass over the log). */
function toV5(db: Db, log: (line: string) => void): void {
  const events = db.prepare(`SELECT count(*) FROM events`).pluck().get() as number;
  if (events > 100_000) log(`upgrading the database: indexing ${events} events by type (schema 4 → 5)`);
  db.exec(SCHEMA_TYPE_INDEX);
}

/** Schema 3 → 4: the running totals per developer and tool, summed from the daily rows. */
function toV4(db: Db, log: (line: string) => void): void {
  const days = db.prepare(`SELECT count(*) FROM usage_days`).pluck().get() as number;
  if (days > 0) log(`upgrading the database: summing ${days} daily usage rows into running totals (schema 3 → 4)`);
  db.exec(SCHEMA_TOTALS + usageTotalsFill());
}

interface V0Row {
  seq: number;
  id: string;
  type: string;
  time: string;
  developer: string;
  machine: string | null;
  policy_version: number | null;
  received: string;
  body: string;
}

function fromV0(db: Db, log: (line: string) => void): void {
  const total = db.prepare(`SELECT count(*) FROM events`).pluck().get() as number;
  if (total > 0) log(`upgrading the database: chaining and re-aggregating ${total} stored events (schema 0 → ${SCHEMA_VERSION})`);
  const hasCounters = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'counters'`).get() !== undefined;
  const duplicates = hasCounters ? ((db.prepare(`SELECT n FROM counters WHERE name = 'duplicates'`).pluck().get() as number | undefined) ?? 0) : 0;
  db.exec(`ALTER TABLE events RENAME TO events_v0`);
  for (const t of V0_AGGREGATES) db.exec(`DROP TABLE IF EXISTS ${t}`);
  db.exec(SCHEMA_V1 + SCHEMA_V2_COLUMNS + SCHEMA_USAGE + SCHEMA_TOTALS + SCHEMA_TYPE_INDEX);
  const append = createAppender(db);
  const page = db.prepare(`SELECT seq, id, type, time, developer, machine, policy_version, received, body FROM events_v0 WHERE seq > ? ORDER BY seq LIMIT ${CHUNK}`);
  let after = 0;
  for (;;) {
    const rows = page.all(after) as V0Row[];
    if (!rows.length) break;
    after = rows[rows.length - 1].seq;
    append(rows.map(toLogRow).filter((r): r is LogRow => r !== undefined));
  }
  if (duplicates) db.prepare(`INSERT INTO counters (name, n) VALUES ('duplicates', ?)`).run(duplicates);
  db.exec(`DROP TABLE events_v0`);
}

/**
 * Schema 1 → 2: verified acknowledgements keep their own hash and receive time, completions their receive
 * time, and enrollments become chained records. The enrollments that exist are appended to the log (in the
 * order they were made), and every aggregate is folded again from the log, so the new columns are filled.
 */
function toV2(db: Db, log: (line: string) => void): void {
  const total = db.prepare(`SELECT count(*) FROM events`).pluck().get() as number;
  if (total > 0) log(`upgrading the database: re-aggregating ${total} stored events (schema 1 → 2)`);
  db.exec(SCHEMA_V2_COLUMNS);
  const enrolled = db.prepare(`SELECT token_hash AS tokenHash, developer, created_at AS at FROM enrollments ORDER BY created_at, token_hash`).all() as { tokenHash: string; developer: string; at: number }[];
  const duplicates = db.prepare(`SELECT n FROM counters WHERE name = 'duplicates'`).pluck().get() as number | undefined;
  for (const t of [...FOLDED_TABLES, 'counters']) db.exec(`DELETE FROM ${t}`);
  const put = db.prepare(`INSERT INTO counters (name, n) VALUES (?, ?)`);
  for (const [name, n] of replayLog(db)) put.run(name, n);
  if (duplicates) put.run('duplicates', duplicates);
  const received = new Date().toISOString();
  createAppender(db)(enrolled.map((e) => logRowOf(enrollmentRecord(e.developer, e.tokenHash, e.at), received, 'server')));
}

function toLogRow(r: V0Row): LogRow | undefined {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(r.body) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const at = parseInstant(r.time) ?? Date.parse(r.time);
  if (!Number.isFinite(at)) return undefined;
  return {
    id: r.id,
    type: r.type,
    time: r.time,
    at,
    developer: r.developer,
    machine: r.machine,
    policyVersion: r.policy_version,
    received: r.received,
    auth: 'shared',
    body: canonicalize(parsed) as string,
    parsed,
    noted: [],
  };
}

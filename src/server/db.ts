// The server's SQLite store. Journal mode WAL with synchronous=FULL: each ingest transaction's commit
// fsyncs the WAL before the HTTP answer goes out, so an acknowledged batch survives a power loss, not
// only a process crash (NORMAL would only guarantee the latter). At one fsync per batch of hundreds of
// events the cost is small. Raw events are kept in `events`; the report reads small aggregate tables
// that are maintained in the same transaction, so its cost does not grow with the number of events.
// Events are appended in arrival order (`seq`) with a unique index on `id` for deduplication: large rows
// keyed by random UUIDs insert about twice as fast this way as in a WITHOUT ROWID table.
import Database from 'better-sqlite3';

export type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, time TEXT NOT NULL, developer TEXT NOT NULL,
  machine TEXT, policy_version INTEGER, received TEXT NOT NULL, body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS developers (
  developer TEXT PRIMARY KEY, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,
  policy_version INTEGER, editor TEXT, extension_version TEXT
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS machines (machine TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS snapshots (
  developer TEXT NOT NULL, machine TEXT NOT NULL, time TEXT NOT NULL, PRIMARY KEY (developer, machine)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dev_tools (
  developer TEXT NOT NULL, machine TEXT NOT NULL, tool TEXT NOT NULL, name TEXT, version TEXT,
  status TEXT NOT NULL, enabled INTEGER, active INTEGER, seen TEXT NOT NULL,
  PRIMARY KEY (developer, machine, tool)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS dev_tools_tool ON dev_tools (tool);
CREATE TABLE IF NOT EXISTS daily (
  day TEXT NOT NULL, developer TEXT NOT NULL, ai_tools INTEGER NOT NULL, PRIMARY KEY (day, developer)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS policy_seen (
  version INTEGER NOT NULL, developer TEXT NOT NULL, PRIMARY KEY (version, developer)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS acks (
  developer TEXT NOT NULL, version INTEGER NOT NULL, hash TEXT, time TEXT NOT NULL, PRIMARY KEY (developer, version)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS trainings (
  developer TEXT NOT NULL, training TEXT NOT NULL, title TEXT, time TEXT NOT NULL, PRIMARY KEY (developer, training)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS exposures (
  day TEXT NOT NULL, class TEXT NOT NULL, tool TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (day, class, tool)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS exposure_devs (
  developer TEXT PRIMARY KEY, n INTEGER NOT NULL, last TEXT NOT NULL
) WITHOUT ROWID;
`;

export function openDb(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  return db;
}

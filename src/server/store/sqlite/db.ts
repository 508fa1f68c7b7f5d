// Opening the SQLite file. Journal mode WAL with synchronous=FULL: each ingest transaction's commit
// fsyncs the WAL before the HTTP answer goes out, so an acknowledged batch survives a power loss, not
// only a process crash. busy_timeout lets a second process on the same file (another server, `enroll`,
// `verify-log`) wait for the write lock instead of failing.
import Database from 'better-sqlite3';

export type Db = Database.Database;

export function openSqlite(file: string, readOnly = false): Db {
  const db = new Database(file, { fileMustExist: readOnly });
  db.pragma('busy_timeout = 10000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  if (readOnly) db.pragma('query_only = ON');
  return db;
}

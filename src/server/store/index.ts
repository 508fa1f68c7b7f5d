// Opens the store named by `--db`: a PostgreSQL URL (postgres:// or postgresql://) or a SQLite file path.
// The rest of the server only sees AuditStore.
import * as path from 'node:path';
import { PostgresStore } from './postgres/postgresStore';
import { isPostgresUrl, redactUrl } from './postgres/pool';
import { SqliteStore } from './sqlite/sqliteStore';
import type { AuditStore, StoreOptions } from './types';

export type { AuditStore } from './types';
export { isPostgresUrl } from './postgres/pool';

/** A `--db` value as given on the command line, made absolute when it is a file path. */
export function resolveDbSpec(spec: string): string {
  return isPostgresUrl(spec) ? spec : path.resolve(spec);
}

/** A `--db` value for messages (a URL without its password). */
export function describeDbSpec(spec: string): string {
  return isPostgresUrl(spec) ? redactUrl(spec) : spec;
}

export async function openStore(spec: string, opts: StoreOptions = {}): Promise<AuditStore> {
  if (isPostgresUrl(spec)) return PostgresStore.open(spec, opts);
  return new SqliteStore(path.resolve(spec), opts);
}

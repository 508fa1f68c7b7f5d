// Opens the store named by `--db`: today a SQLite file path. The rest of the server only sees AuditStore.
import * as path from 'node:path';
import { SqliteStore } from './sqlite/sqliteStore';
import type { AuditStore, StoreOptions } from './types';

export type { AuditStore } from './types';

export async function openStore(spec: string, opts: StoreOptions = {}): Promise<AuditStore> {
  if (/^postgres(ql)?:\/\//i.test(spec)) throw new Error('PostgreSQL stores are not supported by this version; give a SQLite file path');
  return new SqliteStore(path.resolve(spec), opts);
}

// The benchmark's bulk loader for PostgreSQL: a year of the organization through the real ingest took
// ~35 s per day here, so the rows the store's own ingest wrote into a SQLite database (same tables, same
// schema version) are copied into a fresh PostgreSQL database with COPY (sqlite3 -csv | psql \copy; the
// sqlite3 command-line shell must be installed),
// then the PostgreSQL-only rows are derived from them: the chain head, the newest inventory per machine
// and the interval id sequence.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../src/server/store';
import { SCHEMA_VERSION, TABLES } from '../../src/server/store/postgres/schema';
import { postgresBin, type TestPostgres } from '../../test/harness/postgres';

/** Tables the PostgreSQL store derives itself (not copied). */
const DERIVED = new Set(['chain_head', 'inventory_latest']);

function pipe(sqliteFile: string, select: string, pgUrl: string, copy: string): Promise<void> {
  const from = spawn('sqlite3', ['-readonly', '-csv', sqliteFile, select], { stdio: ['ignore', 'pipe', 'inherit'] });
  const to = spawn(path.join(postgresBin(), 'psql'), ['-v', 'ON_ERROR_STOP=1', '-qAt', '-d', pgUrl, '-c', copy], { stdio: ['pipe', 'inherit', 'inherit'] });
  from.stdout.pipe(to.stdin);
  // Both ends must finish cleanly: a failed export would otherwise look like a short, successful copy.
  const exit = (p: ReturnType<typeof spawn>, what: string) =>
    new Promise<void>((resolve, reject) => {
      p.on('error', reject);
      p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${what} exited with ${code} (${copy})`))));
    });
  return Promise.all([exit(from, 'sqlite3'), exit(to, 'psql')]).then(() => undefined);
}

/** Copies every table of the SQLite store at `sqliteFile` into the PostgreSQL database `dbName` (created here); returns its URL. */
export async function copySqliteToPostgres(sqliteFile: string, pg: TestPostgres, dbName: string, progress: (line: string) => void): Promise<string> {
  const lite = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  try {
    const version = lite.pragma('user_version', { simple: true }) as number;
    if (version !== SCHEMA_VERSION) throw new Error(`${sqliteFile} has schema ${version}, not ${SCHEMA_VERSION}: start the server on it once to upgrade it`);
  } catch (e) {
    lite.close();
    throw e;
  }
  const url = pg.createDatabase(dbName);
  await (await openStore(url)).close(); // the schema, at the current version
  try {
    for (const table of TABLES.filter((t) => !DERIVED.has(t))) {
      const cols = (lite.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).join(', ');
      const t0 = Date.now();
      await pipe(sqliteFile, `SELECT ${cols} FROM ${table}`, url, `\\copy ${table} (${cols}) FROM STDIN WITH (FORMAT csv)`);
      progress(`  ${table}: ${(lite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number).toLocaleString('en-US')} rows in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
  } finally {
    lite.close();
  }
  pg.psql(
    `UPDATE chain_head SET seq = e.seq, hash = e.hash FROM (SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1) e;
     INSERT INTO inventory_latest (developer, machine, at) SELECT developer, machine, max(at) FROM inventories GROUP BY developer, machine;
     SELECT setval(pg_get_serial_sequence('tool_intervals', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM tool_intervals), false);`,
    dbName,
  );
  pg.psql('VACUUM ANALYZE', dbName);
  return url;
}

// Connecting to PostgreSQL with node-postgres: the URL (postgres:// or postgresql://) carries host, port,
// database, user and optionally the password and TLS settings (sslmode, sslrootcert... as node-postgres
// reads them); PGPASSWORD and the other PG* variables fill what it leaves out. Integers come back as
// numbers. A pool or client error (the database restarting, a dropped connection) is logged, never thrown:
// the next query opens a fresh connection.
import pg from 'pg';

export type Client = pg.PoolClient;

const asNumber = (v: string): number => Number(v);

export const types = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === 20 || oid === 1700) return asNumber; // int8, numeric (sums)
    return pg.types.getTypeParser(oid, format as 'text');
  }) as typeof pg.types.getTypeParser,
};

export function isPostgresUrl(spec: string): boolean {
  return /^postgres(ql)?:\/\//i.test(spec);
}

/** The URL without its password, for messages. */
export function redactUrl(spec: string): string {
  try {
    const u = new URL(spec);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return spec.replace(/:\/\/([^:@/]*):[^@/]*@/, '://$1:***@');
  }
}

export function createPool(url: string, log: (line: string) => void, max = 8): pg.Pool {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`${redactUrl(url)} is not a valid PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE)`);
  }
  if (!u.hostname) throw new Error(`${redactUrl(url)} names no host (postgres://USER@HOST:PORT/DATABASE)`);
  if (u.port && !/^\d+$/.test(u.port)) throw new Error(`${redactUrl(url)} has an invalid port`);
  const pool = new pg.Pool({ connectionString: url, max, types, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000 });
  pool.on('error', (e) => log(`PostgreSQL connection lost: ${e.message}`));
  pool.on('connect', (c) => c.on('error', (e) => log(`PostgreSQL connection error: ${e.message}`)));
  return pool;
}

/** One clear line for a failure to connect. */
export function connectProblem(e: unknown, url: string): string {
  const err = e as { code?: string; message?: string };
  let where = redactUrl(url);
  try {
    const u = new URL(url);
    where = `${u.hostname}:${u.port || '5432'}`;
  } catch {
    /* keep the redacted URL */
  }
  switch (err.code) {
    case 'ECONNREFUSED':
      return `cannot reach PostgreSQL at ${where}: connection refused (is it running?)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot reach PostgreSQL at ${where}: unknown host`;
    case 'ETIMEDOUT':
      return `cannot reach PostgreSQL at ${where}: timed out`;
    case '28P01':
    case '28000':
      return `PostgreSQL at ${where} refused the credentials: ${err.message ?? ''}`;
    case '3D000':
      return `PostgreSQL at ${where}: ${err.message ?? 'the database does not exist'}`;
    default:
      return `PostgreSQL at ${where}: ${err.message ?? String(e)}`;
  }
}

/** Runs fn in a transaction on one pooled client; a failed client is dropped from the pool rather than reused. */
export async function inTransaction<T>(pool: pg.Pool, begin: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query(begin);
    const out = await fn(c);
    await c.query('COMMIT');
    c.release();
    return out;
  } catch (e) {
    let broken: Error | undefined;
    await c.query('ROLLBACK').catch((re: Error) => (broken = re));
    c.release(broken ?? (isConnectionError(e) ? (e as Error) : undefined));
    throw e;
  }
}

function isConnectionError(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  return !code || /^(08|57P|ECONN|EPIPE)/.test(code);
}

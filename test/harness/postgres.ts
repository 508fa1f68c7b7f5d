// A real, throwaway PostgreSQL for tests: Debian's server binaries, initdb into a temporary folder, a free
// port on 127.0.0.1, trust authentication, stopped (and the folder removed) by stop(). As root, the server
// runs as the `postgres` user (PostgreSQL refuses to run as root).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export interface TestPostgres {
  port: number;
  /** postgres://postgres@127.0.0.1:PORT/DB */
  url(db?: string): string;
  /** Creates a fresh database and returns its URL. */
  createDatabase(name?: string): string;
  /** Runs SQL through psql as the superuser. */
  psql(sql: string, db?: string): string;
  stop(): void;
  /** Stops the server but keeps its data (start() brings it back on the same port). */
  pause(): void;
  start(): void;
}

export function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a)) : [];
  if (!versions.length) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql (install the postgresql package)');
  return path.join(root, versions[0], 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

let counter = 0;

/** `durable`: keep fsync on (the benchmark); tests run without it. */
export async function startPostgres(opts: { durable?: boolean } = {}): Promise<TestPostgres> {
  const bin = postgresBin();
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-pg-'));
  fs.chmodSync(dir, 0o755);
  const data = path.join(dir, 'data');
  const sock = path.join(dir, 'sock');
  fs.mkdirSync(data);
  fs.mkdirSync(sock);
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  const as = (cmd: string, args: string[]): string => {
    const file = path.join(bin, cmd);
    const out = asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', file, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }) : execFileSync(file, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    return out.toString();
  };
  as('initdb', ['-D', data, '--auth=trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  const start = (): void => {
    as('pg_ctl', ['-D', data, '-o', `-p ${port} -k ${sock} -c listen_addresses=127.0.0.1${opts.durable ? '' : ' -c fsync=off'} -c max_connections=200`, '-l', path.join(dir, 'log'), 'start', '-w', '-t', '60']);
  };
  const pause = (): void => {
    as('pg_ctl', ['-D', data, '-m', 'immediate', 'stop', '-w']);
  };
  start();
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    try {
      pause();
    } catch {
      /* already stopped */
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  const url = (db = 'postgres'): string => `postgres://postgres@127.0.0.1:${port}/${db}`;
  const psql = (sql: string, db = 'postgres'): string => as('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', db, '-v', 'ON_ERROR_STOP=1', '-qAt', '-c', sql]);
  return {
    port,
    url,
    psql,
    createDatabase: (name = `t${process.pid}_${++counter}`) => {
      psql(`CREATE DATABASE ${name}`);
      return url(name);
    },
    stop,
    pause,
    start,
  };
}

// Benchmarks the reference audit server on PostgreSQL (a throwaway PostgreSQL 15 with fsync on, real
// `ai-policy server` processes, loopback HTTP):
//   1. ingest with two instances on one database, batches spread over both: events/s in total;
//   2. report time on 1 000 000 stored events (loaded through the PostgreSQL store's own ingest code).
// Usage: node esbuild.js --tests && node out/scripts/bench-server-pg.js [--events N] [--stored N]
import { spawn, spawnSync } from 'node:child_process';
import canonicalize from 'canonicalize';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { PostgresStore } from '../src/server/store/postgres/postgresStore';
import type { CheckedEvent } from '../src/server/validate';
import { startPostgres, type TestPostgres } from '../test/harness/postgres';
import { makeEvent } from './bench/serverEvents';

const CLI = path.resolve(__dirname, '..', '..', 'dist', 'cli.js');
const TOKEN = 'bench-ingest-token-0123456789';
const ADMIN = 'bench-admin-token-0123456789';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

async function startServer(db: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'server', '--port', String(port), '--db', db, '--token', TOKEN, '--admin-token', ADMIN], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('listening on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((r) => {
        child.once('exit', () => r());
        child.kill('SIGTERM');
      }),
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

function request(url: string, method: string, body?: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { authorization: `Bearer ${method === 'POST' ? TOKEN : ADMIN}` };
    if (body) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    const req = http.request(url, { method, headers, agent }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function benchIngest(pg: TestPostgres, name: string, total: number, batch: number, perInstance: number): Promise<number> {
  const url = pg.createDatabase(name);
  const servers = await Promise.all([startServer(url), startServer(url)]);
  try {
    const bodies: string[] = [];
    for (let i = 0; i < total; i += batch) bodies.push(JSON.stringify({ events: Array.from({ length: Math.min(batch, total - i) }, (_, k) => makeEvent(i + k, total)) }));
    let next = 0;
    const t0 = process.hrtime.bigint();
    await Promise.all(
      servers.flatMap((s) =>
        Array.from({ length: perInstance }, async () => {
          while (next < bodies.length) {
            const r = await request(`${s.url}/v1/events`, 'POST', bodies[next++]);
            if (r.status !== 200) throw new Error(`ingest answered ${r.status}`);
          }
        }),
      ),
    );
    const secs = Number(process.hrtime.bigint() - t0) / 1e9;
    return total / secs;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { events: { type: 'string', default: '50000' }, stored: { type: 'string', default: '1000000' } } });
  const total = Number(values.events);
  const stored = Number(values.stored);
  const pg = await startPostgres({ durable: true });
  try {
    const version = pg.psql('SHOW server_version').trim();
    process.stdout.write(`node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), PostgreSQL ${version} (fsync on, synchronous_commit on) on the same machine\n`);
    let n = 0;
    for (const [batch, conc] of [[500, 2], [100, 2]] as const) {
      const rate = await benchIngest(pg, `ingest${++n}`, total, batch, conc);
      process.stdout.write(`ingest, two instances on one database: ${total} events, batches of ${batch}, ${conc} connection(s) each: ${Math.round(rate).toLocaleString('en-US')} events/s in total (goal >= 5,000)\n`);
    }

    const url = pg.createDatabase('report');
    const store = await PostgresStore.open(url);
    const t0 = Date.now();
    const received = new Date().toISOString();
    for (let i = 0; i < stored; i += 10_000) {
      const events = Array.from({ length: Math.min(10_000, stored - i) }, (_, k) => makeEvent(i + k, stored));
      const checked: CheckedEvent[] = events.map((event) => ({ event, at: Date.parse(event.time), developer: event.developer as string, body: canonicalize(event) as string }));
      await store.ingest({ events: checked, received, auth: 'shared' });
    }
    await store.close();
    const size = pg.psql(`SELECT pg_size_pretty(pg_database_size('report'))`).trim();
    pg.psql('VACUUM ANALYZE', 'report');
    process.stdout.write(`setup: ${stored.toLocaleString('en-US')} events loaded through the store in ${((Date.now() - t0) / 1000).toFixed(1)} s (${size})\n`);
    const server = await startServer(url);
    const month = '&since=2026-10-01&until=2026-10-31';
    try {
      await request(`${server.url}/v1/report?format=json`, 'GET'); // starts the render worker
      for (const [label, path, goal] of [
        ['report (json), one month', `/v1/report?format=json${month}`, ' (goal <= 200 ms)'],
        ['report (json), all time', '/v1/report?format=json', ''],
        ['dashboard page, one month', `/?x=1${month}`, ''],
        ['evidence pack page, one month', `/evidence?x=1${month}`, ''],
      ] as const) {
        const times: number[] = [];
        let bytes = 0;
        for (let i = 0; i < 5; i++) {
          const t = process.hrtime.bigint();
          const r = await request(`${server.url}${path}`, 'GET');
          if (r.status !== 200) throw new Error(`${path} answered ${r.status}`);
          bytes = r.bytes;
          times.push(Number(process.hrtime.bigint() - t) / 1e6);
        }
        times.sort((a, b) => a - b);
        process.stdout.write(`${label} on ${stored.toLocaleString('en-US')} events: median ${times[2].toFixed(1)} ms, max ${times[4].toFixed(1)} ms (${(bytes / 1024).toFixed(0)} KiB)${goal}\n`);
      }
    } finally {
      await server.stop();
    }
    const v0 = Date.now();
    const verify = spawnSync(process.execPath, [CLI, 'verify-log', '--db', url], { encoding: 'utf8' });
    process.stdout.write(`verify-log on ${stored.toLocaleString('en-US')} events: ${((Date.now() - v0) / 1000).toFixed(1)} s, exit ${verify.status}: ${verify.stdout.trim()}\n`);
  } finally {
    agent.destroy();
    pg.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench-server-pg: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});

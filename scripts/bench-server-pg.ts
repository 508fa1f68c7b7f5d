// Benchmarks the reference audit server on PostgreSQL (a throwaway PostgreSQL 15 with fsync on, real
// `ai-policy server` processes, loopback HTTP):
//   1. ingest with two instances on one database, batches spread over both: events/s in total;
//   2. report time on 1 000 000 stored events (loaded through the PostgreSQL store's own ingest code).
// Usage: node esbuild.js --tests && node out/scripts/bench-server-pg.js [--events N] [--stored N]
import canonicalize from 'canonicalize';
import * as os from 'node:os';
import { parseArgs } from 'node:util';
import { PostgresStore } from '../src/server/store/postgres/postgresStore';
import type { CheckedEvent } from '../src/server/validate';
import { startPostgres, type TestPostgres } from '../test/harness/postgres';
import { makeEvent } from './bench/serverEvents';
import { MONTH, requester, startServer, timeReports } from './bench/serverProcess';

const { request, close } = requester(16);

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
    await timeReports(url, stored, [
      ['report (json), one month', `/v1/report?format=json${MONTH}`, ' (goal <= 200 ms)'],
      ['report (json), all time', '/v1/report?format=json', ''],
      ['dashboard page, one month', `/?x=1${MONTH}`, ''],
      ['evidence pack page, one month', `/evidence?x=1${MONTH}`, ''],
    ]);
  } finally {
    close();
    pg.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench-server-pg: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});

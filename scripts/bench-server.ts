// Benchmarks the reference audit server (real process, real SQLite file, loopback HTTP):
//   1. ingest rate: batched POST /v1/events, events/s, with the hash chain and the tool-history aggregates;
//   2. report time on 1 000 000 stored events (bulk-loaded into the file first, through the same
//      store code the server uses, so the log, its chain and the aggregate tables are as in production):
//      one-month range (the goal), all time, CSV, dashboard, evidence pack.
// Usage: node esbuild.js --tests && node out/scripts/bench-server.js [--events N] [--stored N]
import canonicalize from 'canonicalize';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { openSqlite } from '../src/server/store/sqlite/db';
import { createIngest } from '../src/server/store/sqlite/ingest';
import { migrate } from '../src/server/store/sqlite/migrate';
import type { CheckedEvent } from '../src/server/validate';
import { makeEvent } from './bench/serverEvents';
import { MONTH, requester, startServer, timeReports } from './bench/serverProcess';

const { request, close } = requester(8);

async function benchIngest(total: number, batch: number, concurrency: number): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-bench-'));
  const server = await startServer(path.join(dir, 'audit.db'));
  try {
    const bodies: string[] = [];
    for (let i = 0; i < total; i += batch) bodies.push(JSON.stringify({ events: Array.from({ length: Math.min(batch, total - i) }, (_, k) => makeEvent(i + k, total)) }));
    let next = 0;
    const t0 = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < bodies.length) {
          const r = await request(`${server.url}/v1/events`, 'POST', bodies[next++]);
          if (r.status !== 200) throw new Error(`ingest answered ${r.status}`);
        }
      }),
    );
    const secs = Number(process.hrtime.bigint() - t0) / 1e9;
    return total / secs;
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { events: { type: 'string', default: '50000' }, stored: { type: 'string', default: '1000000' } } });
  const total = Number(values.events);
  const stored = Number(values.stored);
  process.stdout.write(`node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), SQLite WAL synchronous=FULL\n`);

  for (const [batch, conc] of [[500, 1], [500, 4], [100, 1]] as const) {
    const rate = await benchIngest(total, batch, conc);
    process.stdout.write(`ingest: ${total} events, batches of ${batch}, ${conc} connection(s): ${Math.round(rate).toLocaleString('en-US')} events/s (goal >= 5,000)\n`);
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-bench-'));
  const dbFile = path.join(dir, 'audit.db');
  try {
    const db = openSqlite(dbFile);
    db.pragma('synchronous = OFF'); // setup only; the server measured below runs with FULL
    migrate(db);
    const ingest = createIngest(db);
    const t0 = Date.now();
    const received = new Date().toISOString();
    for (let i = 0; i < stored; i += 10_000) {
      const events = Array.from({ length: Math.min(10_000, stored - i) }, (_, k) => makeEvent(i + k, stored));
      const checked: CheckedEvent[] = events.map((event) => ({ event, at: Date.parse(event.time), developer: event.developer as string, body: canonicalize(event) as string }));
      ingest({ events: checked, received, auth: 'shared' });
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const mb = fs.statSync(dbFile).size / 1e6;
    process.stdout.write(`setup: ${stored.toLocaleString('en-US')} events loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s (${mb.toFixed(0)} MB)\n`);
    await timeReports(dbFile, stored, [
      ['report (json), one month', `/v1/report?format=json${MONTH}`, ' (goal <= 200 ms)'],
      ['report (json), all time', '/v1/report?format=json', ''],
      ['report (csv), one month', `/v1/report?format=csv${MONTH}`, ''],
      ['dashboard page, one month', `/?x=1${MONTH}`, ''],
      ['evidence pack page, one month', `/evidence?x=1${MONTH}`, ''],
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  close();
}

main().catch((e: unknown) => {
  process.stderr.write(`bench-server: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});

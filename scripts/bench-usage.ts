// Benchmarks the usage rollups and the adoption view (issue: 5 000 developers over 12 months), on SQLite
// and PostgreSQL, with real `ai-policy server` processes on loopback:
//   1. OTLP ingest: one-minute Claude Code metric exports (protobuf, 9 data points each; 1 000, under the
//      per-address rate of 1 200 a minute) POSTed to
//      /v1/metrics, 4 connections: requests/s and data points/s;
//   2. a year of an organization (daily inventories with active days, hook activity, pull request checks
//      as events through the store's own ingest; the agents' per-minute metrics as the daily rollup rows
//      they add up to), then the one-month report, dashboard and evidence pack (median and max of 5) and the
//      server's peak RSS (VmHWM, render worker included).
// Usage: node esbuild.js --tests && node out/scripts/bench-usage.js [--developers N] [--days N] [--requests N] [--store sqlite|pg|both]
//        [--existing DB --until YYYY-MM-DD]: only the view timings, on a database loaded by an earlier run
//        [--keep DIR]: load the SQLite database into DIR/audit.db and keep it (for --existing); prints progress every 30 days
//        [--pg-from DB]: load PostgreSQL by copying the tables of a SQLite database loaded earlier (with --keep) instead of
//        the real ingest (./bench/pgCopy.ts); --until YYYY-MM-DD names its last day
import canonicalize from 'canonicalize';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { encodeRequest } from '../src/server/otlp/decode';
import type { AuditStore } from '../src/server/store/types';
import { openStore } from '../src/server/store';
import { openSqlite } from '../src/server/store/sqlite/db';
import { createIngest } from '../src/server/store/sqlite/ingest';
import { migrate } from '../src/server/store/sqlite/migrate';
import { createUsageWriter } from '../src/server/store/sqlite/usage';
import type { UsageBatch } from '../src/server/usage/fields';
import type { CheckedEvent, IncomingEvent } from '../src/server/validate';
import { startPostgres } from '../test/harness/postgres';
import { copySqliteToPostgres } from './bench/pgCopy';
import { requester, startServer } from './bench/serverProcess';
import { dayEvents, dayUsage, minuteExport, rosterCsv } from './bench/usageFleet';

const TOKEN = 'bench-ingest-token-0123456789';

async function otlpIngest(db: string, requests: number, developers: number): Promise<void> {
  const server = await startServer(db);
  const bodies = Array.from({ length: Math.min(requests, 500) }, (_, k) => encodeRequest('metrics', minuteExport(k % developers, 1 + k)));
  const http = await import('node:http');
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const post = (body: Buffer) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(`${server.url}/v1/metrics`, { method: 'POST', agent, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-protobuf', 'content-length': body.length } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(body);
    });
  try {
    let next = 0;
    const t0 = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < requests) {
          const status = await post(bodies[next++ % bodies.length]);
          if (status !== 200) throw new Error(`/v1/metrics answered ${status}`);
        }
      }),
    );
    const secs = Number(process.hrtime.bigint() - t0) / 1e9;
    process.stdout.write(`OTLP ingest: ${requests} metric exports (9 data points each, protobuf), 4 connections: ${Math.round(requests / secs).toLocaleString('en-US')} requests/s, ${Math.round((requests * 9) / secs).toLocaleString('en-US')} data points/s\n`);
  } finally {
    agent.destroy();
    await server.stop();
  }
}

async function load(store: Pick<AuditStore, 'ingest' | 'ingestUsage'>, developers: number, days: number): Promise<number> {
  const received = new Date().toISOString();
  let events = 0;
  for (let d = 0; d < days; d++) {
    const all: IncomingEvent[] = dayEvents(d, developers);
    for (let i = 0; i < all.length; i += 10_000) {
      const checked: CheckedEvent[] = all.slice(i, i + 10_000).map((event) => ({ event, at: Date.parse(event.time), developer: event.developer as string, body: canonicalize(event) as string }));
      await store.ingest({ events: checked, received, auth: 'shared' });
    }
    await store.ingestUsage(dayUsage(d, developers));
    events += all.length;
    if ((d + 1) % 30 === 0) process.stdout.write(`  ${d + 1} days loaded (${events.toLocaleString('en-US')} events)\n`);
  }
  return events;
}

function peakRss(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

async function timeViews(db: string, roster: string, label: string, month: string): Promise<void> {
  const { request, close } = requester(4);
  const server = await startServer(db, ['--roster', roster]);
  try {
    await request(`${server.url}/healthz`, 'GET');
    for (const [name, page] of [
      ['report (json), one month', `/v1/report?format=json${month}`],
      ['report (csv), one month', `/v1/report?format=csv${month}`],
      ['dashboard, one month', `/?x=1${month}`],
      ['evidence pack, one month', `/evidence?x=1${month}`],
      ['dashboard, one team, one month', `/?team=team-3${month}`],
    ] as const) {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < 5; i++) {
        const t = process.hrtime.bigint();
        const r = await request(`${server.url}${page}`, 'GET');
        if (r.status !== 200) throw new Error(`${page} answered ${r.status}`);
        bytes = r.bytes;
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      times.sort((a, b) => a - b);
      process.stdout.write(`${label}: ${name}: median ${times[2].toFixed(0)} ms, max ${times[4].toFixed(0)} ms (${(bytes / 1024).toFixed(0)} KiB) (goal <= 1000 ms)\n`);
    }
    process.stdout.write(`${label}: server peak RSS ${peakRss(server.pid).toFixed(0)} MB (goal < 400 MB)\n`);
  } finally {
    await server.stop();
    close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { developers: { type: 'string', default: '5000' }, days: { type: 'string', default: '365' }, requests: { type: 'string', default: '1000' }, store: { type: 'string', default: 'both' }, existing: { type: 'string' }, until: { type: 'string' }, keep: { type: 'string' }, 'pg-from': { type: 'string' } } });
  const developers = Number(values.developers);
  const days = Number(values.days);
  const requests = Number(values.requests);
  if (values.existing) {
    // Times the views on a database loaded earlier (e.g. a run stopped part way): --existing DB --until YYYY-MM-DD
    const roster = path.join(os.tmpdir(), `aip-bench-roster-${process.pid}.csv`);
    fs.writeFileSync(roster, rosterCsv(developers));
    const until = values.until ?? new Date().toISOString().slice(0, 10);
    const since = new Date(Date.parse(until) - 30 * 86_400_000).toISOString().slice(0, 10);
    process.stdout.write(`${values.existing}: ${developers.toLocaleString('en-US')} developers, one month ${since}..${until}\n`);
    await timeViews(values.existing, roster, values.existing.startsWith('postgres') ? 'PostgreSQL' : 'SQLite', `&since=${since}&until=${until}`);
    fs.rmSync(roster);
    return;
  }
  const dir = values.keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'aip-bench-usage-'));
  fs.mkdirSync(dir, { recursive: true });
  const roster = path.join(dir, 'roster.csv');
  fs.writeFileSync(roster, rosterCsv(developers));
  const lastDay = values.until ?? new Date(Date.UTC(2026, 0, 5) + (days - 1) * 86_400_000).toISOString().slice(0, 10);
  const lastMonth = new Date(Date.parse(lastDay) - 30 * 86_400_000).toISOString().slice(0, 10);
  const month = `&since=${lastMonth}&until=${lastDay}`;
  process.stdout.write(`node ${process.version}, ${os.cpus().length} CPUs; ${developers.toLocaleString('en-US')} developers in 10 teams over ${days} days\n`);
  try {
    if (values.store !== 'pg') {
      const file = path.join(dir, 'audit.db');
      await otlpIngest(path.join(dir, 'otlp.db'), requests, developers);
      const db = openSqlite(file);
      db.pragma('synchronous = OFF'); // setup only: the server measured below runs with synchronous=FULL
      migrate(db);
      const ingest = createIngest(db);
      const usage = createUsageWriter(db);
      const usageTx = db.transaction((b: UsageBatch) => {
        usage.batch(b);
        usage.flush();
      });
      const t0 = Date.now();
      const n = await load({ ingest: async (b) => ingest(b), ingestUsage: async (b) => usageTx(b) }, developers, days);
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      process.stdout.write(`SQLite setup: ${n.toLocaleString('en-US')} events and the usage rollups loaded in ${((Date.now() - t0) / 1000).toFixed(0)} s (${(fs.statSync(file).size / 1e6).toFixed(0)} MB)\n`);
      await timeViews(file, roster, 'SQLite', month);
    }
    if (values.store !== 'sqlite') {
      const pg = await startPostgres({ durable: true });
      try {
        await otlpIngest(pg.createDatabase('otlp'), requests, developers);
        const t0 = Date.now();
        let url: string;
        let loaded: string;
        if (values['pg-from']) {
          url = await copySqliteToPostgres(values['pg-from'], pg, 'usage', (line) => process.stdout.write(`${line}\n`));
          loaded = `${pg.psql(`SELECT count(*) FROM events`, 'usage').trim()} events and the usage rollups copied from ${values['pg-from']} (COPY)`;
        } else {
          url = pg.createDatabase('usage');
          const store = await openStore(url);
          loaded = `${(await load(store, developers, days)).toLocaleString('en-US')} events and the usage rollups loaded`;
          await store.close();
          pg.psql('VACUUM ANALYZE', 'usage');
        }
        process.stdout.write(`PostgreSQL setup: ${loaded} in ${((Date.now() - t0) / 1000).toFixed(0)} s (${pg.psql(`SELECT pg_size_pretty(pg_database_size('usage'))`).trim()})\n`);
        await timeViews(url, roster, 'PostgreSQL', month);
      } finally {
        pg.stop();
      }
    }
  } finally {
    if (!values.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench-usage: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});

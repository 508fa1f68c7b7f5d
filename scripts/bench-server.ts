// Benchmarks the reference audit server (real process, real SQLite file, loopback HTTP):
//   1. ingest rate: batched POST /v1/events, events/s;
//   2. report time on 1 000 000 stored events (bulk-loaded into the file first, through the same
//      ingest code the server uses, so the aggregate tables are filled as in production).
// Usage: node esbuild.js --tests && node out/scripts/bench-server.js [--events N] [--stored N]
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { openDb } from '../src/server/db';
import { createIngest } from '../src/server/ingest';
import type { IncomingEvent } from '../src/server/validate';

const CLI = path.resolve(__dirname, '..', '..', 'dist', 'cli.js');
const TOKEN = 'bench-token';
const TYPES = ['inventory', 'inventory', 'inventory', 'exposure', 'exposure', 'policy.loaded', 'policy.acknowledged', 'training.completed', 'tool.added', 'disclosure.added'];
const TOOLS = [
  { id: 'github.copilot', name: 'GitHub Copilot', status: 'approved' },
  { id: 'github.copilot-chat', name: 'GitHub Copilot Chat', status: 'approved' },
  { id: 'continue.continue', name: 'Continue', status: 'restricted' },
  { id: 'acme.ai-helper', name: 'Acme AI Helper', status: 'unlisted' },
  { id: 'codeium.codeium', name: 'Codeium', status: 'prohibited' },
];

function makeEvent(i: number): IncomingEvent {
  const type = TYPES[i % TYPES.length];
  const dev = `dev${i % 2000}@example.com`;
  const day = new Date(Date.UTC(2026, 5, 1) + (i % 180) * 86_400_000 + (i % 86_400) * 1000).toISOString();
  const data: Record<string, unknown> =
    type === 'inventory'
      ? { reason: 'interval', tools: TOOLS.slice(0, 1 + (i % TOOLS.length)).map((t) => ({ ...t, version: '1.0.0', enabled: true, active: i % 2 === 0 })) }
      : type === 'exposure'
        ? { classes: [i % 3 ? 'secret' : 'pii'], rules: ['aws-access-key'], tools: ['github.copilot'], pathHash: 'ab'.repeat(32) }
        : type === 'policy.acknowledged' || type === 'policy.loaded'
          ? { version: 1 + (i % 5), hash: 'cd'.repeat(32) }
          : type === 'training.completed'
            ? { training: i % 2 ? 'ai-basics' : 'secure-coding', title: 'Training' }
            : { id: TOOLS[i % TOOLS.length].id, status: TOOLS[i % TOOLS.length].status };
  return {
    id: randomUUID(), type, time: day, developer: dev, machine: `m${i % 2500}`,
    editor: { name: 'Visual Studio Code', version: '1.99.0' }, extensionVersion: '0.1.0', policyVersion: 1 + (i % 5), data,
  };
}

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
  const child = spawn(process.execPath, [CLI, 'server', '--port', String(port), '--db', db, '--token', TOKEN], { stdio: ['ignore', 'pipe', 'inherit'] });
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
    stop: () => new Promise((r) => {
      child.once('exit', () => r());
      child.kill('SIGTERM');
    }),
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

function request(url: string, method: string, body?: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { authorization: `Bearer ${TOKEN}` };
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

async function benchIngest(total: number, batch: number, concurrency: number): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-bench-'));
  const server = await startServer(path.join(dir, 'audit.db'));
  try {
    const bodies: string[] = [];
    for (let i = 0; i < total; i += batch) bodies.push(JSON.stringify({ events: Array.from({ length: Math.min(batch, total - i) }, (_, k) => makeEvent(i + k)) }));
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
    const db = openDb(dbFile);
    db.pragma('synchronous = OFF'); // setup only; the server measured below runs with FULL
    const ingest = createIngest(db);
    const t0 = Date.now();
    for (let i = 0; i < stored; i += 10_000) ingest(Array.from({ length: Math.min(10_000, stored - i) }, (_, k) => makeEvent(i + k)));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const mb = fs.statSync(dbFile).size / 1e6;
    process.stdout.write(`setup: ${stored.toLocaleString('en-US')} events loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s (${mb.toFixed(0)} MB)\n`);
    const server = await startServer(dbFile);
    try {
      for (const format of ['json', 'csv']) {
        const times: number[] = [];
        let bytes = 0;
        for (let i = 0; i < 5; i++) {
          const t = process.hrtime.bigint();
          const r = await request(`${server.url}/v1/report?format=${format}`, 'GET');
          if (r.status !== 200) throw new Error(`report answered ${r.status}`);
          bytes = r.bytes;
          times.push(Number(process.hrtime.bigint() - t) / 1e6);
        }
        times.sort((a, b) => a - b);
        process.stdout.write(`report (${format}) on ${stored.toLocaleString('en-US')} events: median ${times[2].toFixed(1)} ms, max ${times[4].toFixed(1)} ms (${(bytes / 1024).toFixed(0)} KiB)\n`);
      }
      const t = process.hrtime.bigint();
      await request(`${server.url}/`, 'GET');
      process.stdout.write(`dashboard page on ${stored.toLocaleString('en-US')} events: ${(Number(process.hrtime.bigint() - t) / 1e6).toFixed(1)} ms\n`);
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  agent.destroy();
}

main().catch((e: unknown) => {
  process.stderr.write(`bench-server: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});

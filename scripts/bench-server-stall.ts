// How long one ingest request can hold the server's event loop (the server in this process, real SQLite
// file, loopback HTTP): the longest event-loop delay (perf_hooks) and the RSS growth while the server
// takes a 9 000-event batch, and while it refuses a 5 MB body nested deeply outside `events`.
// Usage: node esbuild.js --tests && node out/scripts/bench-server-stall.js
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createAuditServer } from '../src/server/app';
import { makeEvent } from './bench/serverEvents';

const TOKEN = 'bench-ingest-token-0123456789';

function post(port: number, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/v1/events', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function measure(label: string, port: number, body: string): Promise<void> {
  const h = monitorEventLoopDelay({ resolution: 5 });
  const rss = process.memoryUsage().rss;
  h.enable();
  const t0 = process.hrtime.bigint();
  const status = await post(port, body);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  h.disable();
  const grown = (process.memoryUsage().rss - rss) / 1e6;
  process.stdout.write(`${label}: answered ${status} in ${ms.toFixed(0)} ms; longest event-loop stall ${(h.max / 1e6).toFixed(0)} ms; RSS +${grown.toFixed(0)} MB\n`);
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-stall-'));
  const app = await createAuditServer({ dbFile: path.join(dir, 'audit.db'), token: TOKEN, adminToken: 'bench-admin-token-0123456789' });
  await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
  const port = (app.server.address() as AddressInfo).port;
  process.stdout.write(`node ${process.version}, ${os.cpus().length} CPUs\n`);
  try {
    const events = Array.from({ length: 9000 }, (_, i) => makeEvent(i, 9000));
    await measure('9 000-event batch (stored)', port, JSON.stringify({ events }));
    const depth = 400_000;
    await measure(`5 MB body nested ${depth} deep outside events (refused)`, port, `{"events":[],"pad":${'['.repeat(depth)}${']'.repeat(depth)}${' '.repeat(5 * 1024 * 1024 - 2 * depth - 30)}}`);
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench-server-stall: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});

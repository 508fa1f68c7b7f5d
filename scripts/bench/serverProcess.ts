// What the server benchmarks share: a real `ai-policy server` process on a loopback port, requests with the
// ingest or admin token, the report timings on a loaded database, and verify-log's time.
import { spawn, spawnSync } from 'node:child_process';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';

export const CLI = path.resolve(__dirname, '..', '..', 'dist', 'cli.js');
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

/** Starts the server on `db` (a SQLite file or a postgres:// URL) and resolves once it listens. */
export async function startServer(db: string, extra: readonly string[] = []): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'server', '--port', String(port), '--db', db, '--token', TOKEN, '--admin-token', ADMIN, ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
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
    pid: child.pid ?? 0,
    stop: () =>
      new Promise((r) => {
        child.once('exit', () => r());
        child.kill('SIGTERM');
      }),
  };
}

/** Keep-alive requests: POST with the ingest token, GET with the admin token. */
export function requester(maxSockets: number): { request: (url: string, method: string, body?: string) => Promise<{ status: number; bytes: number }>; close: () => void } {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const request = (url: string, method: string, body?: string) =>
    new Promise<{ status: number; bytes: number }>((resolve, reject) => {
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
  return { request, close: () => agent.destroy() };
}

/** Times the report, dashboard and evidence pages (median and max of 5) on a server over `stored` events. */
export async function timeReports(db: string, stored: number, pages: readonly (readonly [string, string, string])[]): Promise<void> {
  const { request, close } = requester(4);
  const server = await startServer(db);
  try {
    await request(`${server.url}/v1/report?format=json`, 'GET'); // starts the render worker
    for (const [label, page, goal] of pages) {
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
      process.stdout.write(`${label} on ${stored.toLocaleString('en-US')} events: median ${times[2].toFixed(1)} ms, max ${times[4].toFixed(1)} ms (${(bytes / 1024).toFixed(0)} KiB)${goal}\n`);
    }
  } finally {
    await server.stop();
    close();
  }
  const v0 = Date.now();
  const verify = spawnSync(process.execPath, [CLI, 'verify-log', '--db', db], { encoding: 'utf8' });
  process.stdout.write(`verify-log on ${stored.toLocaleString('en-US')} events: ${((Date.now() - v0) / 1000).toFixed(1)} s, exit ${verify.status}: ${verify.stdout.trim()}\n`);
}

export const MONTH = '&since=2026-10-01&until=2026-10-31';

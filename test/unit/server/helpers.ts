import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import canonicalize from 'canonicalize';
import pg from 'pg';
import { createAuditServer, type AuditServer, type ServerOptions } from '../../../src/server/app';
import type { CheckedEvent, IncomingEvent } from '../../../src/server/validate';

export const TOKEN = 'test-token-0123456789';
export const ADMIN = 'admin-token-0123456789';
export const adminAuth = { authorization: `Bearer ${ADMIN}` };
export const bearerOf = (token: string) => ({ authorization: `Bearer ${token}` });

export interface Running {
  app: AuditServer;
  base: string;
  dir: string;
  close(): Promise<void>;
}

/**
 * The store a test server gets: a SQLite file in its folder, or, when the pg tier runs (it sets
 * AI_POLICY_TEST_PG to a running test PostgreSQL), a fresh database on that server.
 */
export async function testDbSpec(dir: string): Promise<string> {
  const admin = process.env.AI_POLICY_TEST_PG;
  if (!admin) return path.join(dir, 'audit.db');
  const name = `t_${path.basename(dir).replace(/[^a-z0-9]/gi, '_').toLowerCase()}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function startServer(opts: Partial<ServerOptions> = {}): Promise<Running> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-server-'));
  const app = await createAuditServer({ dbFile: await testDbSpec(dir), token: TOKEN, adminToken: ADMIN, ...opts });
  await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
  const port = (app.server.address() as AddressInfo).port;
  return {
    app,
    base: `http://127.0.0.1:${port}`,
    dir,
    close: async () => {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function request(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

export function post(base: string, body: unknown, token: string | undefined = TOKEN): Promise<Reply> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  return request(`${base}/v1/events`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

/** The report as JSON, read with the admin token (query string optional). */
export async function report(base: string, query = ''): Promise<Record<string, any>> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await request(`${base}/v1/report${query}`, { headers: adminAuth });
  if (r.status !== 200) throw new Error(`report answered ${r.status}: ${r.body}`);
  return JSON.parse(r.body);
}

/** An event time of now (events sent with an enrolled token may not predate the enrollment). */
export const fresh = (): { time: string } => ({ time: new Date().toISOString() });

let seq = 0;
export function ev(type: string, developer: string, data: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  seq++;
  return {
    id: `ev-${process.pid}-${seq}`,
    type,
    time: extra.time ?? '2026-11-20T09:00:00.000Z',
    developer,
    machine: `m-${developer}`,
    editor: { name: 'Visual Studio Code', version: '1.99.0' },
    extensionVersion: '0.1.0',
    policyVersion: 2,
    data,
    ...extra,
  };
}

/** An event as the server's validation hands it to a store's ingest (for tests that write a store directly). */
export function checkedEvent(e: Record<string, unknown>): CheckedEvent {
  const event = e as unknown as IncomingEvent;
  return { event, at: Date.parse(event.time), developer: event.developer as string, body: canonicalize(event) as string };
}

/** Twelve days of inventories from three developers, and four days of Claude Code hook activity among them. */
export function inventoriesAndHookActivity(): Record<string, unknown>[] {
  const events = [];
  for (let i = 0; i < 12; i++) {
    events.push(ev('inventory', `dev${i % 3}@example.com`, { reason: 'interval', tools: [] }, { time: `2026-11-${10 + i}T09:00:00.000Z` }));
    if (i % 3 === 0) events.push(ev('agent.activity', `dev${i % 3}@example.com`, { day: `2026-11-${10 + i}`, harness: 'claude', sessions: 1, toolCalls: 3, prompts: 2, denials: 0, auditDenials: 0 }, { time: `2026-11-${10 + i}T10:00:00.000Z` }));
  }
  return events;
}

/** A small demo fleet: three developers, tools, acknowledgements, training and exposures. */
export function demoEvents(): Record<string, unknown>[] {
  const copilot = { id: 'github.copilot', name: 'GitHub Copilot', version: '1.250.0', status: 'approved', enabled: true, active: true };
  const shady = { id: 'acme.ai-helper', name: 'Acme AI Helper', version: '0.3.0', status: 'unlisted', enabled: true, active: false };
  return [
    ev('inventory', 'ann@example.com', { reason: 'start', tools: [copilot, shady] }, { time: '2026-11-19T09:00:00.000Z' }),
    ev('inventory', 'ann@example.com', { reason: 'interval', tools: [copilot, shady] }, { time: '2026-11-20T09:00:00.000Z' }),
    ev('inventory', 'bob@example.com', { reason: 'start', tools: [copilot] }, { time: '2026-11-20T10:00:00.000Z' }),
    ev('inventory', 'cy@example.com', { reason: 'start', tools: [] }, { time: '2026-11-20T11:00:00.000Z' }),
    ev('policy.loaded', 'cy@example.com', { version: 2, hash: 'c'.repeat(64) }),
    ev('policy.acknowledged', 'ann@example.com', { version: 2, hash: 'c'.repeat(64) }),
    ev('policy.acknowledged', 'bob@example.com', { version: 2, hash: 'c'.repeat(64) }),
    ev('policy.acknowledged', 'ann@example.com', { version: 1, hash: 'b'.repeat(64) }, { policyVersion: 1 }),
    ev('training.completed', 'ann@example.com', { training: 'ai-basics', title: 'AI basics' }),
    ev('exposure', 'bob@example.com', { classes: ['secret'], tools: ['github.copilot'], pathHash: 'd'.repeat(64) }),
    ev('exposure', 'bob@example.com', { classes: ['secret', 'pii'], tools: ['github.copilot'] }),
  ];
}

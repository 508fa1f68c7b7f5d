import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createEvent, EventQueue, type AuditEvent, type AuditEventType, type EventContext, type QueueOptions } from '../../../src/core/audit';

export const CTX: EventContext = {
  developer: 'dev@example.com',
  machine: 'm1',
  editor: { name: 'Visual Studio Code', version: '1.99.0' },
  extensionVersion: '0.1.0',
  policyVersion: 3,
};

const made: string[] = [];
const queues: EventQueue[] = [];

/** A fresh temporary folder, removed when the run ends. */
export function tempDir(prefix = 'aip-audit-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A queue in a fresh temporary folder, closed (and the folder removed) when the run ends. */
export function tempQueue(opts?: QueueOptions): EventQueue {
  return track(new EventQueue(tempDir(), opts));
}

/** Closes the queue when the run ends. */
export function track(queue: EventQueue): EventQueue {
  queues.push(queue);
  return queue;
}

// A root-level hook: runs once after every suite of the run.
after(async () => {
  for (const q of queues.splice(0)) await q.close();
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export function makeEvents(n: number, type: AuditEventType = 'inventory', developer = CTX.developer): AuditEvent[] {
  const out: AuditEvent[] = [];
  for (let i = 0; i < n; i++) {
    out.push(createEvent(type, { reason: 'interval', tools: [{ id: `tool.${i % 7}`, name: `Tool ${i % 7}`, status: 'approved', enabled: true }] }, { ...CTX, developer }));
  }
  return out;
}

export interface Captured {
  url: string;
  status: number;
  body: string;
  auth?: string;
}

/** A plain capturing endpoint on 127.0.0.1 whose answers are scripted per request. */
/** A scripted answer: a status, or a status with its JSON body and headers. */
export type Answer = number | { status: number; body?: unknown; headers?: Record<string, string> };

export async function captureServer(answer: (n: number, body: string) => Answer = () => 200): Promise<{ url: string; seen: Captured[]; close: () => Promise<void> }> {
  const seen: Captured[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const a = answer(seen.length, body);
      const { status, body: reply, headers } = typeof a === 'number' ? { status: a, body: undefined, headers: undefined } : a;
      seen.push({ url: req.url ?? '', status, body, auth: req.headers.authorization });
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(reply ?? { status }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

// What the demo keeps between runs (test-output/demo-server.json): the reference server's port and tokens,
// so that a bookmarked dashboard and its sign-in keep working.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

export interface DemoServerState {
  port: number;
  /** Bearer token the editor sends events with. */
  ingestToken: string;
  /** Token for the dashboard and the report (the same as ingestToken on a server with one token). */
  adminToken: string;
}

const token = (): string => randomBytes(16).toString('hex');

export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const a = probe.address();
      probe.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

function read(file: string): Partial<DemoServerState> {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<DemoServerState>;
  } catch {
    return {};
  }
}

/**
 * The stored port and tokens, created on the first run. The port is kept while it is free; when something
 * else holds it, a free one is taken and stored (and `moved` says so).
 */
export async function demoServerState(file: string): Promise<DemoServerState & { moved: boolean }> {
  const stored = read(file);
  const valid = (t: unknown): t is string => typeof t === 'string' && /^[0-9a-f]{32}$/.test(t);
  const state: DemoServerState = {
    port: Number.isInteger(stored.port) && (stored.port as number) > 0 ? (stored.port as number) : 0,
    ingestToken: valid(stored.ingestToken) ? stored.ingestToken : token(),
    adminToken: valid(stored.adminToken) ? stored.adminToken : token(),
  };
  let moved = false;
  if (!state.port || !(await portFree(state.port))) {
    moved = state.port !== 0;
    state.port = await freePort();
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(state, null, 2) + '\n', { mode: 0o600 });
  return { ...state, moved };
}

// Runs the real `ai-policy server` command as a child process, for the fault tests and the benchmark.
import { spawn, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';

import { repoRoot } from '../../harness/workspaceSetup';

export const REPO = repoRoot();
export const CLI = path.join(REPO, 'dist', 'cli.js');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
}

/** The admin token the test servers read their reports with. */
export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/** Starts `ai-policy server` (of this checkout, or another build's `cli`) with this ingest token ('' takes it from the environment) and ADMIN_TOKEN (plus any extra arguments). */
export function startServerProcess(port: number, db: string, token: string, extra: string[] = [], cli = CLI): Promise<ServerProcess> {
  const args = [cli, 'server', '--port', String(port), '--db', db, '--admin-token', ADMIN_TOKEN, ...(token ? ['--token', token] : []), ...extra];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}${err}`)), 15_000);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('listening on')) {
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${port}`, exited });
      }
    });
    child.stderr?.on('data', (c: Buffer) => {
      err += c.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${err}`));
    });
  });
}

export async function stopServerProcess(p: ServerProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill(signal);
  await p.exited;
}

// Starts the VS Code server (server-main.js under Node 24) on 127.0.0.1 and stops it again.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import type { ServerInstall } from './serverCache';

export interface ServerOptions {
  install: ServerInstall;
  /** 0 picks a free port. */
  port?: number;
  userDataDir: string;
  serverDataDir: string;
  extensionsDir: string;
  /** false opens folders in Restricted Mode; true passes --disable-workspace-trust. */
  trusted: boolean;
  /** Added to the environment of the server and so of its extension host. */
  env?: Record<string, string>;
  /** Display language of the workbench and the extension host (`--locale`), e.g. `de`. */
  locale?: string;
  /** Server stdout and stderr go here. */
  logFile: string;
  startTimeoutMs?: number;
}

export interface RunningServer {
  readonly port: number;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  // The server runs in its own process group, so its extension host and helpers stop with it.
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

function stopProcess(child: ChildProcess, onParentExit: () => void): Promise<void> {
  process.removeListener('exit', onParentExit);
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const force = setTimeout(() => killGroup(pid, 'SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      killGroup(pid, 'SIGKILL');
      resolve();
    });
    killGroup(pid, 'SIGTERM');
  });
}

export async function startServer(o: ServerOptions): Promise<RunningServer> {
  const port = o.port || (await freePort());
  const args = [
    o.install.serverMain,
    '--host', '127.0.0.1',
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--enable-smoke-test-driver',
    '--user-data-dir', o.userDataDir,
    '--server-data-dir', o.serverDataDir,
    '--extensions-dir', o.extensionsDir,
  ];
  if (o.trusted) args.push('--disable-workspace-trust');
  if (o.locale) args.push('--locale', o.locale);
  const log = fs.openSync(o.logFile, 'a');
  const child = spawn(o.install.node, args, {
    env: { ...process.env, ...o.env, VSCODE_AGENT_FOLDER: o.serverDataDir },
    stdio: ['ignore', log, log],
    detached: true,
  });
  fs.closeSync(log);
  // If this process ends without stopping the server (an error, Ctrl-C), take the server down too.
  const onParentExit = (): void => {
    if (child.pid !== undefined) killGroup(child.pid, 'SIGKILL');
  };
  process.once('exit', onParentExit);
  const server: RunningServer = { port, process: child, stop: () => stopProcess(child, onParentExit) };

  const deadline = Date.now() + (o.startTimeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (fs.readFileSync(o.logFile, 'utf8').includes('Extension host agent listening on')) return server;
    await new Promise((r) => setTimeout(r, 100));
  }
  await server.stop();
  const tail = fs.readFileSync(o.logFile, 'utf8').split('\n').slice(-20).join('\n');
  throw new Error(`VS Code server did not start on port ${port} (log ${o.logFile}):\n${tail}`);
}

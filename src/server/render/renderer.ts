// The server's side of the render worker: one worker thread, started on first use and again after a
// crash; requests are answered in any order by id.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { entryFolder } from '../../startup/bundleLoader';
import type { RenderReply, RenderRequest, Rendered, RenderWorkerData } from './protocol';

/**
 * The script the worker runs: the `ai-policy` bundle itself (its entry starts the worker when it finds
 * the worker data). Code bundled elsewhere (tests, scripts) uses the repository's dist/cli.js.
 */
export function renderWorkerScript(): string {
  if (/^cli(?:Main)?\.js$/.test(path.basename(__filename))) return __filename;
  // The server command's own bundle (commands/server.js): the entry is cliMain.js in the folder above.
  const entry = entryFolder(__dirname);
  if (entry !== __dirname) return path.join(entry, 'cliMain.js');
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'dist', 'cli.js');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error('cannot find dist/cli.js for the render worker (run the build first)');
  }
}

type Pending = { resolve: (r: Rendered) => void; reject: (e: Error) => void };

export class Renderer {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly data: Omit<RenderWorkerData, 'aiPolicyRenderWorker'>, private readonly script = renderWorkerScript()) {}

  render(req: Omit<RenderRequest, 'id'>): Promise<Rendered> {
    if (this.closed) return Promise.reject(new Error('the server is closing'));
    const id = this.nextId++;
    return new Promise<Rendered>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.start().postMessage({ ...req, id });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
    this.failAll(new Error('the server is closing'));
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const workerData: RenderWorkerData = { aiPolicyRenderWorker: true, ...this.data };
    const w = new Worker(this.script, { workerData, stdout: false, stderr: false });
    w.on('message', (m: RenderReply | { ready: true }) => {
      if (!('id' in m)) return;
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve({ status: m.status, type: m.type, body: m.body, headers: m.headers });
      else p.reject(new Error(m.error));
    });
    const gone = (e: Error): void => {
      if (this.worker === w) this.worker = undefined;
      this.failAll(e);
    };
    w.on('error', gone);
    w.on('exit', (code) => gone(new Error(`the render worker stopped (exit ${code})`)));
    w.unref();
    this.worker = w;
    return w;
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}

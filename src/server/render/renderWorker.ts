// The render worker: a thread with its own read-only store connection that builds reports and pages, so
// that a large report never blocks ingest or any other route on the server's event loop.
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { PublishedPolicy } from '../publishedPolicy';
import { Roster } from '../report/roster';
import { openStore } from '../store';
import type { RenderReply, RenderRequest, RenderWorkerData } from './protocol';
import { render } from './render';

export async function runRenderWorker(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('not a worker thread');
  const data = workerData as RenderWorkerData;
  const store = await openStore(data.db, { readOnly: true });
  const policy = data.policyFile ? new PublishedPolicy(data.policyFile, data.policyKeyFile, data.policyHistoryDir) : undefined;
  const roster = data.rosterFile ? new Roster(data.rosterFile) : undefined;
  const collect = collector();
  let inFlight = 0;
  port.on('message', (req: RenderRequest) => {
    inFlight++;
    render(req, store, policy, roster)
      .then(
        (out) => {
          const reply: RenderReply = { ok: true, id: req.id, ...out };
          port.postMessage(reply, [out.body.buffer as ArrayBuffer]);
        },
        (e: unknown) => port.postMessage({ ok: false, id: req.id, error: e instanceof Error ? e.message : String(e) } satisfies RenderReply),
      )
      .finally(() => {
        if (--inFlight === 0) setImmediate(() => inFlight === 0 && collect?.());
      });
  });
  port.postMessage({ ready: true });
}

/**
 * A full collection once the worker is idle. A month's report for thousands of developers reads a few hundred
 * thousand rows and keeps a few megabytes: left alone, V8 lets the garbage grow the heap to several times that
 * before collecting, which made the server's peak memory swing by a hundred megabytes from one view to the next.
 * Collecting a heap that holds little takes milliseconds, in this thread only. Undefined if V8 refuses the flag.
 */
export function collector(): (() => void) | undefined {
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

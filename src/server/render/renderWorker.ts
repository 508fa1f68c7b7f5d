// The render worker: a thread with its own read-only store connection that builds reports and pages, so
// that a large report never blocks ingest or any other route on the server's event loop.
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
  port.on('message', (req: RenderRequest) => {
    render(req, store, policy, roster).then(
      (out) => {
        const reply: RenderReply = { ok: true, id: req.id, ...out };
        port.postMessage(reply, [out.body.buffer as ArrayBuffer]);
      },
      (e: unknown) => port.postMessage({ ok: false, id: req.id, error: e instanceof Error ? e.message : String(e) } satisfies RenderReply),
    );
  });
  port.postMessage({ ready: true });
}

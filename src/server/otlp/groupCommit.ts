// Group commit for OTLP requests: agents export every few seconds, each request holding a handful of data
// points, so one transaction (and one fsync) per request would bound the rate by the disk. Requests that
// arrive while a write is in progress are merged into the next write; each request is answered only once
// the write holding it has committed (and all of them fail together when it fails, so the exporters retry).
import type { UsageBatch } from '../usage/fields';

const MAX_MERGED = 200;

export class GroupCommit {
  private waiting: { batch: UsageBatch; done: (e?: unknown) => void }[] = [];
  private writing = false;

  constructor(private readonly write: (batch: UsageBatch) => Promise<void>) {}

  add(batch: UsageBatch): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ batch, done: (e) => (e === undefined ? resolve() : reject(e)) });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.waiting.length) {
      const group = this.waiting.splice(0, MAX_MERGED);
      const merged: UsageBatch = { deltas: [], cumulative: [], counters: {} };
      for (const { batch } of group) {
        merged.deltas.push(...batch.deltas);
        merged.cumulative.push(...batch.cumulative);
        for (const [k, n] of Object.entries(batch.counters)) merged.counters[k] = (merged.counters[k] ?? 0) + n;
      }
      try {
        await this.write(merged);
        for (const g of group) g.done();
      } catch (e) {
        for (const g of group) g.done(e);
      }
    }
    this.writing = false;
  }
}

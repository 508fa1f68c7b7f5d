// Delivery for a short-lived process (the CLI, a CI job, the hook's daily flush): events join a persistent
// queue under `root` (a slot of its own, so two processes never share a journal), then one bounded attempt
// sends everything queued, including what earlier runs could not deliver. What is not sent stays queued for
// the next run; nothing is lost when the endpoint is down.
import path = require('node:path');
import type { AuditEvent } from './events';
import { EventQueue } from './queue';
import { acquireSlot, adoptOrphans } from './queueSlot';
import { Sender, type LogFn } from './sender';

export interface OneShotOptions {
  /** Folder of the queue's slots. */
  root: string;
  endpoint: string;
  token?: string;
  timeoutMs?: number;
  log?: LogFn;
}

export interface OneShotResult {
  sent: number;
  /** Still queued (the endpoint refused for now, or did not answer in time). */
  queued: number;
  /** Refused by the endpoint as invalid and dropped. */
  rejected: number;
  /** Kept aside: refused by the endpoint's version (offered again by a later run). */
  parked: number;
  lastError?: string;
}

export async function deliverNow(events: readonly AuditEvent[], opts: OneShotOptions): Promise<OneShotResult> {
  const slot = acquireSlot(opts.root);
  try {
    const queue = new EventQueue(path.join(slot.dir, 'events'), { onWriteError: (e) => opts.log?.('error', `audit: could not write the queue: ${e.stack ?? e.message}`) });
    try {
      // The sender checks the endpoint (https, or http on loopback) before anything is queued.
      const sender = new Sender(queue, { endpoint: opts.endpoint, token: () => opts.token, log: opts.log, minDelayMs: 0 });
      await adoptOrphans(opts.root, slot.dir, 'events', queue);
      queue.enqueue(events);
      const before = queue.stats();
      await sender.flush(opts.timeoutMs ?? 15_000);
      const after = queue.stats();
      return { sent: after.sent - before.sent, queued: after.queued, rejected: after.rejected - before.rejected, parked: after.parked, lastError: after.queued ? after.lastError : undefined };
    } finally {
      await queue.close();
    }
  } finally {
    slot.release();
  }
}

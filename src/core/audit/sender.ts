// Delivers queued events in batches. Success acknowledges the batch; network errors, timeouts, 5xx,
// 401/403/404 (a setup problem: the events stay queued until it is fixed), 408 and 429 back off
// exponentially with crypto-random jitter. Other 4xx mean the batch itself is unacceptable: the batch is
// halved until the offending event is alone, so one bad event cannot block the queue. That event is then
// dropped (counted as rejected) only when the server says it is malformed or refused for good (400 with
// `reason` "malformed" or "refused"); otherwise (422 "schema", or a 400 from a server too old to say why)
// it is parked: kept aside, counted, and offered again when the server's wire schema changes or a day later.
import { nodeCrypto } from '../nodeBuiltins';
import { checkEndpoint, postJson } from './endpoint';
import type { AuditEvent } from './events';
import type { EventQueue } from './queue';

export type Encoder = (events: readonly AuditEvent[]) => string;
export type LogFn = (level: 'info' | 'warn' | 'error', message: string) => void;

export interface SenderOptions {
  endpoint: string;
  /** Bearer token, read at each request (it may change). */
  token?: () => string | undefined;
  encode?: Encoder;
  batchSize?: number;
  timeoutMs?: number;
  minDelayMs?: number;
  maxDelayMs?: number;
  /** How often to look at the queue when nothing happens (default 60 s). */
  idleMs?: number;
  /** How long a parked event waits before it is offered again to the same server (default a day). */
  parkedRetryMs?: number;
  log?: LogFn;
}

export const encodeEvents: Encoder = (events) => JSON.stringify({ events });

const KEEP_AND_RETRY = new Set([401, 403, 404, 408, 429]);
/** The `reason` of a 400 that no version of the server would accept: the event is dropped. */
const FOREVER = new Set(['malformed', 'refused']);

export const PARKED_RETRY_MS = 24 * 3600 * 1000;

/** The machine-readable `reason` of a refusal body, if the server gave one (older servers do not). */
function refusalReason(body: string): string | undefined {
  try {
    const v = JSON.parse(body) as { reason?: unknown };
    return v && typeof v.reason === 'string' ? v.reason : undefined;
  } catch {
    return undefined; // not JSON: a server (or proxy) that gives no reason
  }
}

export type SendOutcome = 'empty' | 'sent' | 'retry';

export class Sender {
  private readonly url: URL;
  private failures = 0;
  private limit: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private retryAt = 0;
  /** The wire schema the server named in its latest answer ('' when it named none; undefined before any answer). */
  private serverSchema: string | undefined;

  constructor(
    private readonly queue: EventQueue,
    private readonly opts: SenderOptions,
  ) {
    this.url = checkEndpoint(opts.endpoint);
    this.limit = this.batchSize;
  }

  get endpoint(): string {
    return this.url.toString();
  }

  private get batchSize(): number {
    return Math.max(1, this.opts.batchSize ?? 500);
  }

  /** Delay before the next attempt after `failures` consecutive failures: exponential, half jittered. */
  backoffMs(failures = this.failures): number {
    const min = this.opts.minDelayMs ?? 1000;
    const max = this.opts.maxDelayMs ?? 5 * 60_000;
    const base = Math.min(max, min * 2 ** Math.min(30, Math.max(0, failures - 1)));
    const half = Math.floor(base / 2);
    return half + nodeCrypto().randomInt(0, half + 1);
  }

  /** Sends one batch. */
  async sendOnce(): Promise<SendOutcome> {
    this.offerParked();
    const batch = this.queue.peek(this.limit);
    if (!batch.length) return 'empty';
    const ids = batch.map((e) => e.id);
    const body = (this.opts.encode ?? encodeEvents)(batch);
    let status: number;
    let retryAfter: number | undefined;
    let detail = '';
    let reason: string | undefined;
    try {
      const r = await postJson(this.url, body, this.opts.token?.(), this.opts.timeoutMs ?? 15_000);
      status = r.status;
      retryAfter = r.retryAfterSeconds;
      detail = r.body.slice(0, 200);
      reason = r.status >= 400 ? refusalReason(r.body) : undefined;
      this.serverSchema = r.wireSchema ?? '';
    } catch (e) {
      return this.failed(`${this.url.host}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (status >= 200 && status < 300) {
      this.queue.ack(ids);
      this.failures = 0;
      this.limit = Math.min(this.batchSize, this.limit * 2);
      return 'sent';
    }
    if (status >= 400 && status < 500 && !KEEP_AND_RETRY.has(status)) {
      if (batch.length > 1) {
        this.limit = Math.ceil(batch.length / 2);
        return 'sent'; // try again at once with a smaller batch
      }
      const why = `HTTP ${status} refused event ${ids[0]} (${batch[0].type}): ${detail}`;
      if (status === 400 && reason !== undefined && FOREVER.has(reason)) {
        this.queue.reject(ids, why);
        this.opts.log?.('error', `audit: ${why}; the server says it is ${reason}, so the event was dropped`);
        return 'sent';
      }
      this.queue.park(ids, why, this.serverSchema);
      const parked = this.queue.stats().parked;
      this.opts.log?.('warn', `audit: ${why}; the event is kept aside (${parked} parked) and offered again when the server's version changes or in ${Math.round(this.parkedRetryMs / 3_600_000)} h`);
      return 'sent';
    }
    const r = this.failed(`HTTP ${status} from ${this.url.host}${detail ? `: ${detail}` : ''}`);
    if (retryAfter) this.retryAt = Math.max(this.retryAt, Date.now() + retryAfter * 1000);
    return r;
  }

  private get parkedRetryMs(): number {
    return this.opts.parkedRetryMs ?? PARKED_RETRY_MS;
  }

  /** Puts parked events back in the queue once the server names another wire schema, or after parkedRetryMs. */
  private offerParked(): void {
    if (!this.queue.stats().parked) return;
    const now = Date.now();
    const schema = this.serverSchema;
    const n = this.queue.unpark((p) => now - p.at >= this.parkedRetryMs || (schema !== undefined && p.schema !== schema));
    if (n) this.opts.log?.('info', `audit: offering ${n} parked event(s) to the server again`);
  }

  private failed(message: string): SendOutcome {
    this.failures++;
    this.queue.noteError(message);
    this.opts.log?.(this.failures === 1 ? 'warn' : 'info', `audit: delivery failed (${this.failures}): ${message}`);
    this.retryAt = Date.now() + this.backoffMs();
    return 'retry';
  }

  /** Sends until the queue is empty or an attempt fails. Resolves true when the queue was emptied. */
  drain(): Promise<boolean> {
    const run = async (): Promise<boolean> => {
      for (;;) {
        const r = await this.sendOnce();
        if (r === 'empty') return true;
        if (r === 'retry') return false;
      }
    };
    const p = (this.running ?? Promise.resolve()).then(run, run);
    this.running = p.then(
      () => undefined,
      () => undefined,
    );
    return p;
  }

  /** A bounded best-effort drain (for shutdown): ignores backoff, gives up after `timeoutMs`. */
  async flush(timeoutMs = 3000): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      return await Promise.race([this.drain(), limit]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Starts the background loop: drains soon after kick(), otherwise every idleMs, backing off on failure. */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Asks for a delivery soon (respects a running backoff). */
  kick(delayMs = 1000): void {
    if (!this.stopped) this.schedule(Math.max(delayMs, this.retryAt - Date.now()));
  }

  /** Forgets the backoff (e.g. after the token changed) and tries soon. */
  retryNow(): void {
    this.failures = 0;
    this.retryAt = 0;
    this.kick(0);
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), Math.max(0, delayMs));
    this.timer.unref?.();
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    const wait = this.retryAt - Date.now();
    if (wait > 0) return this.schedule(wait);
    let emptied = false;
    try {
      emptied = await this.drain();
    } catch (e) {
      this.failed(e instanceof Error ? e.message : String(e));
    }
    if (this.stopped) return;
    this.schedule(emptied ? (this.opts.idleMs ?? 60_000) : Math.max(0, this.retryAt - Date.now()));
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

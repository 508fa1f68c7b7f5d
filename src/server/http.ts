// Small HTTP helpers: bounded body reading and typed responses with safe default headers.
import type { IncomingMessage, ServerResponse } from 'node:http';

export class BodyTooLarge extends Error {}
/** The bytes being read across all uploads reached the budget: the client should retry shortly (503). */
export class BodyBudgetFull extends Error {}
/** The upload is slower than the minimum rate: it is dropped (408). */
export class UploadTooSlow extends Error {}

export interface BodyLimits {
  /** Largest body of this request. */
  limit: number;
  /** Bytes being read across connections, reserved as they arrive. */
  budget?: BodyBudget;
  /** After `graceMs`, the body must have arrived at `minBytesPerSecond` on average. */
  minBytesPerSecond?: number;
  graceMs?: number;
}

/**
 * Reads the request body; rejects with BodyTooLarge as soon as it passes the limit, BodyBudgetFull when
 * the shared budget cannot take the next chunk, UploadTooSlow when it arrives below the minimum rate. The
 * budget is reserved as bytes arrive (never for a length merely declared) and released at the end.
 */
export function readBody(req: IncomingMessage, limitOrOpts: number | BodyLimits): Promise<string> {
  return readBodyBytes(req, limitOrOpts).then((b) => b.toString('utf8'));
}

/** readBody's bytes (an upload: the events' JSON, OTLP's protobuf). */
export function readBodyBytes(req: IncomingMessage, limitOrOpts: number | BodyLimits): Promise<Buffer> {
  const o: BodyLimits = typeof limitOrOpts === 'number' ? { limit: limitOrOpts } : limitOrOpts;
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > o.limit) return Promise.reject(new BodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    const started = Date.now();
    const done = (): void => {
      clearInterval(timer);
      o.budget?.release(size);
    };
    const fail = (e: Error): void => {
      if (failed) return;
      failed = true;
      done();
      reject(e);
    };
    const timer = setInterval(() => {
      const elapsed = Date.now() - started;
      if (o.minBytesPerSecond && elapsed > (o.graceMs ?? 5000) && size < (o.minBytesPerSecond * elapsed) / 1000) fail(new UploadTooSlow());
    }, 250);
    timer.unref();
    req.on('data', (c: Buffer) => {
      if (failed) return;
      if (size + c.length > o.limit) return fail(new BodyTooLarge());
      if (o.budget && !o.budget.reserve(c.length)) return fail(new BodyBudgetFull());
      size += c.length;
      chunks.push(c);
    });
    req.on('end', () => {
      if (failed) return;
      failed = true;
      done();
      resolve(Buffer.concat(chunks));
    });
    req.on('error', (e) => fail(e));
    req.on('close', () => fail(new Error('the client closed the upload')));
  });
}

const BASE_HEADERS = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' };

export function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...BASE_HEADERS, 'content-type': type, 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value), headers);
}

/**
 * Bytes of request bodies being read at once, across all connections, reserved as they arrive; past the
 * budget the server answers 503 with Retry-After instead of buffering without bound.
 */
export class BodyBudget {
  private used = 0;

  constructor(readonly limit: number) {}

  reserve(bytes: number): boolean {
    if (this.used + bytes > this.limit) return false;
    this.used += bytes;
    return true;
  }

  release(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }
}

/** Uploads in progress per key (a credential, an address), each capped. */
export class UploadSlots {
  private readonly open = new Map<string, number>();

  constructor(private readonly max: number) {}

  take(key: string): boolean {
    const n = this.open.get(key) ?? 0;
    if (n >= this.max) return false;
    this.open.set(key, n + 1);
    return true;
  }

  give(key: string): void {
    const n = (this.open.get(key) ?? 1) - 1;
    if (n <= 0) this.open.delete(key);
    else this.open.set(key, n);
  }
}

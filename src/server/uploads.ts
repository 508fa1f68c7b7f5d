// Reading an upload (/v1/events, OTLP) under the server's limits for slow and many uploads: a slot per credential
// and per address, the body budget reserved as bytes arrive, a minimum rate, and the size limit.
import type * as http from 'node:http';
import { throttleKey } from './auth';
import type { Ctx } from './context';
import { BodyBudgetFull, BodyTooLarge, readBodyBytes, UploadTooSlow, type UploadSlots } from './http';

/** How a route answers an upload it does not take. */
export interface UploadRefusal {
  status: number;
  error: string;
  headers: Record<string, string>;
}

/**
 * The body of an upload, or the refusal: 503 when this credential or address already has its uploads open, or
 * the budget is full; 413 past the size limit; 408 below the minimum rate. Other errors are thrown.
 */
export async function readUpload(req: http.IncomingMessage, ctx: Ctx, credentialKey: string, address: string): Promise<{ body: Buffer } | { refused: UploadRefusal }> {
  const retry = { 'retry-after': '1' };
  const slots: [UploadSlots, string][] = [
    [ctx.uploads.perCredential, credentialKey],
    [ctx.uploads.perAddress, throttleKey(address)],
  ];
  const taken = slots.filter(([pool, key]) => pool.take(key));
  if (taken.length < slots.length) {
    for (const [pool, key] of taken) pool.give(key);
    return { refused: { status: 503, error: 'too many uploads at once from this client; retry shortly', headers: retry } };
  }
  try {
    return { body: await readBodyBytes(req, { limit: ctx.maxBodyBytes, budget: ctx.bodies, minBytesPerSecond: ctx.uploads.minBytesPerSecond, graceMs: ctx.uploads.graceMs }) };
  } catch (e) {
    if (e instanceof BodyTooLarge) return { refused: { status: 413, error: `body larger than ${ctx.maxBodyBytes} bytes`, headers: {} } };
    if (e instanceof BodyBudgetFull) return { refused: { status: 503, error: 'too many uploads at once; retry shortly', headers: retry } };
    if (e instanceof UploadTooSlow) return { refused: { status: 408, error: `upload slower than ${ctx.uploads.minBytesPerSecond} bytes/s; dropped`, headers: {} } };
    throw e;
  } finally {
    for (const [pool, key] of slots) pool.give(key);
  }
}

// POST /v1/logs and /v1/metrics: OTLP over HTTP (protobuf or JSON, optionally gzip), as agents export it
// with OTEL_EXPORTER_OTLP_ENDPOINT pointed at this server and OTEL_EXPORTER_OTLP_HEADERS
// "Authorization=Bearer%20TOKEN" (the exporter url-decodes it into an ordinary Authorization header).
// Same credentials as /v1/events (the shared ingest token or an enrolled token, throttled on failures) and
// the same body caps; a per-address request rate on top. The request is folded into usage rows and
// stored in one transaction; nothing of its content is kept.
import type * as http from 'node:http';
import type { Ctx } from '../context';
import { bearer, clientAddress } from '../auth';
import { BodyTooLarge, send, sendJson } from '../http';
import { readUpload } from '../uploads';
import { DecodeError, decodeRequest, encodeResponse, encodingOf, inflate, type Signal } from './decode';
import { toUsage } from './toUsage';
import { MAX_PAST_MS } from '../validate';

export async function otlpRoute(req: http.IncomingMessage, res: http.ServerResponse, ctx: Ctx, signal: Signal): Promise<void> {
  const close = { connection: 'close' };
  const refuse = (status: number, error: string, headers: Record<string, string> = {}): void => {
    req.resume();
    sendJson(res, status, { error }, { ...close, ...headers });
  };
  const address = clientAddress(req, ctx.trustProxy);
  const logFailure = (e: unknown): void => ctx.log?.(`OTLP ${signal} answered 503: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  /** The store failed once the body was read: 503, so that the exporter retries. */
  const unavailable = (e: unknown): void => {
    logFailure(e);
    sendJson(res, 503, { error: 'the audit store is unavailable; retry later' }, { 'retry-after': '5' });
  };
  let cred;
  try {
    cred = await ctx.credentials.classify(bearer(req));
  } catch (e) {
    logFailure(e);
    return refuse(503, 'the audit store is unavailable; retry later', { 'retry-after': '5' });
  }
  if (cred.role === 'none' || cred.role === 'invalid') {
    // The credential is checked first; only failures count, and only failures wait (as on /v1/events).
    const wait = cred.role === 'invalid' ? ctx.throttle.fail(address) : 0;
    if (wait) return refuse(429, 'too many failed authentications; retry later', { 'retry-after': String(wait) });
    return refuse(401, cred.role === 'none' ? 'bearer token required (OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer%20TOKEN)' : 'invalid token', { 'www-authenticate': 'Bearer' });
  }
  if (cred.role === 'admin') return refuse(403, 'the admin token reads evidence; telemetry is sent with the ingest token or an enrolled token');
  const proxied = ctx.identityHeader ? String(req.headers[ctx.identityHeader] ?? '').trim() : '';
  const enrolled = cred.auth === 'enrolled' ? cred.developer : undefined;
  if (proxied && enrolled !== undefined && proxied !== enrolled) return refuse(403, `the enrolled token belongs to "${enrolled}" but the proxy authenticated "${proxied.slice(0, 200)}"`);
  const retry = ctx.otlpRate.take(address);
  if (retry) return refuse(429, 'too many OTLP requests from this address; retry later', { 'retry-after': String(retry) });
  const encoding = encodingOf(req.headers['content-type']);
  if (!encoding) return refuse(415, 'content-type must be application/x-protobuf or application/json');

  // Slow uploads cannot hold the server (as on /v1/events): concurrent uploads are capped per credential and per
  // address, the body budget is reserved as bytes arrive, and an upload below the minimum rate is dropped.
  const upload = await readUpload(req, ctx, enrolled !== undefined ? `enrolled:${enrolled}` : proxied ? `proxy:${proxied}` : `shared:${address}`, address);
  if ('refused' in upload) return refuse(upload.refused.status, upload.refused.error, upload.refused.headers);
  let mapped;
  try {
    const body = inflate(upload.body, req.headers['content-encoding'], ctx.maxBodyBytes);
    // Telemetry sent with a verifying credential is held to a verified record's bounds: not more than 60 days back.
    const earliest = proxied || enrolled !== undefined ? Date.now() - MAX_PAST_MS : undefined;
    mapped = toUsage(signal, decodeRequest(signal, encoding, body), { identity: proxied || enrolled, hmacKey: ctx.policyKey.get(), earliest });
  } catch (e) {
    if (e instanceof BodyTooLarge) return refuse(413, `body larger than ${ctx.maxBodyBytes} bytes`);
    if (e instanceof DecodeError) return sendJson(res, e.status, { error: e.message });
    throw e;
  }
  // The shared token does not speak for an enrolled developer (as on /v1/events): only their own token does.
  if (cred.auth === 'shared' && !proxied) {
    const named = [...new Set([...mapped.batch.deltas.map((d) => d.developer), ...mapped.batch.cumulative.map((p) => p.row.developer)])];
    let enrolledDevs: Map<string, number>;
    try {
      enrolledDevs = named.length ? await ctx.store.enrolledSince(named) : new Map();
    } catch (e) {
      return unavailable(e);
    }
    const taken = named.find((d) => enrolledDevs.has(d));
    if (taken !== undefined) return sendJson(res, 403, { error: `developer "${taken.slice(0, 200)}" is enrolled; their telemetry is accepted only with their own token` });
  }
  try {
    await ctx.usageWrites.add(mapped.batch);
  } catch (e) {
    return unavailable(e);
  }
  const type = encoding === 'json' ? 'application/json' : 'application/x-protobuf';
  send(res, 200, type, encodeResponse(signal, encoding, mapped.rejected, mapped.rejected ? 'dated more than 24 hours ahead of the server clock, or (verified telemetry) more than 60 days before it' : ''));
}

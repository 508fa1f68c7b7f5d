// POST /v1/events: the ingest token, an enrolled developer token, or (with --identity-header) the shared
// token plus an authenticated proxy's user header. Bodies are capped per request and across requests;
// a batch is checked whole, then stored in transactions of STORE_SLICE events (on disk before the 200).
import type * as http from 'node:http';
import type { Ctx } from './context';
import { bearer, clientAddress } from './auth';
import { sendJson } from './http';
import { readUpload } from './uploads';
import type { AuthKind } from './store/types';
import { ENROLLMENT_SKEW_MS, MAX_PAST_MS, validateBatchYielding, type CheckedEvent } from './validate';
import { DAY_MS } from './store/eventFold';
import { WIRE_SCHEMA_ID } from './notUnderstood';
import { WIRE_SCHEMA_HEADER } from '../core/audit/endpoint';

/** Events stored per transaction; larger batches are split, yielding between the slices. */
export const STORE_SLICE = 1000;

/** The wire schema this server understands, so a sender knows when to offer again what it refused. */
const schemaHeader = { [WIRE_SCHEMA_HEADER]: WIRE_SCHEMA_ID };

export async function ingestRoute(req: http.IncomingMessage, res: http.ServerResponse, ctx: Ctx): Promise<void> {
  const address = clientAddress(req, ctx.trustProxy);
  const close = { connection: 'close' };
  const token = bearer(req);
  let cred;
  try {
    cred = await ctx.credentials.classify(token);
  } catch (e) {
    req.resume();
    return unavailable(res, ctx, e);
  }
  if (cred.role === 'none' || cred.role === 'invalid') {
    req.resume();
    // The credential is checked first; only failures count, and only failures wait.
    const wait = cred.role === 'invalid' ? ctx.throttle.fail(address) : 0;
    if (wait) return sendJson(res, 429, { error: 'too many failed authentications; retry later' }, { 'retry-after': String(wait), ...close });
    return sendJson(res, 401, { error: cred.role === 'none' ? 'bearer token required' : 'invalid token' }, { 'www-authenticate': 'Bearer', ...close });
  }
  if (cred.role === 'admin') {
    req.resume();
    return sendJson(res, 403, { error: 'the admin token reads evidence; events are sent with the ingest token or an enrolled token' }, close);
  }
  const proxied = ctx.identityHeader ? String(req.headers[ctx.identityHeader] ?? '').trim() : '';
  let identity: string | undefined;
  let auth: AuthKind = cred.auth;
  if (cred.auth === 'enrolled') identity = cred.developer;
  if (proxied) {
    if (identity !== undefined && identity !== proxied) {
      req.resume();
      return sendJson(res, 403, { error: `the enrolled token belongs to "${identity}" but the proxy authenticated "${proxied.slice(0, 200)}"` }, close);
    }
    identity = proxied;
    if (auth === 'shared') auth = 'proxy';
  }

  // Slow uploads cannot hold the server: concurrent uploads are capped per credential and per address, the
  // body budget is reserved as bytes arrive, and an upload below the minimum rate is dropped.
  const upload = await readUpload(req, ctx, auth === 'shared' ? `shared:${address}` : `${auth}:${identity ?? ''}`, address);
  if ('refused' in upload) {
    req.resume();
    return sendJson(res, upload.refused.status, { error: upload.refused.error }, { ...upload.refused.headers, ...close });
  }
  const text = upload.body.toString('utf8');
  ctx.onIngestBody?.(text);
  const v = await validateBatchYielding(text);
  // 400 "malformed": never acceptable; 422 "schema": beyond what this version takes, so the sender keeps the
  // event for a later version. Both name the event, and every answer names the wire schema understood.
  if (!v.ok) return sendJson(res, v.kind === 'schema' ? 422 : 400, { error: v.reason, reason: v.kind, index: v.index }, schemaHeader);
  if (identity !== undefined) {
    const i = v.events.findIndex((e) => e.event.developer !== identity);
    if (i >= 0) {
      const who = v.events[i].event.developer;
      return sendJson(res, 403, { error: `events[${i}]: developer ${who === undefined ? 'missing' : `"${who.slice(0, 200)}"`}; this ${auth === 'proxy' ? 'authenticated user' : 'token'} may only send events of "${identity}"` });
    }
  }
  let refused;
  try {
    refused = await speaksForOthers(v.events, auth, ctx, Date.now());
  } catch (e) {
    return unavailable(res, ctx, e);
  }
  if (refused) return sendJson(res, refused.status, { error: refused.error, reason: 'refused' }, schemaHeader);
  const result = { accepted: 0, duplicates: 0 };
  const received = new Date().toISOString();
  try {
    // A large batch is stored in transactions of STORE_SLICE events with a turn of the event loop between
    // them, so other requests are served meanwhile.
    for (let i = 0; i < v.events.length; i += STORE_SLICE) {
      if (i > 0) await new Promise((r) => setImmediate(r));
      const r = await ctx.store.ingest({ events: v.events.slice(i, i + STORE_SLICE), received, auth });
      result.accepted += r.accepted;
      result.duplicates += r.duplicates;
    }
  } catch (e) {
    // The slice that failed was not stored (one transaction); the client keeps the batch queued and sends
    // it again, and the slices already stored count as duplicates then.
    return unavailable(res, ctx, e);
  }
  sendJson(res, 200, result, schemaHeader);
}

/**
 * Events the credential may not write: with the shared token, events of an enrolled developer (only their
 * own token speaks for them, 403); with a verifying credential, events dated before the developer's
 * enrollment or more than MAX_PAST_MS before now (400), so a verified record cannot be backdated.
 */
async function speaksForOthers(events: readonly CheckedEvent[], auth: AuthKind, ctx: Ctx, now: number): Promise<{ status: number; error: string } | undefined> {
  const enrolled = await ctx.store.enrolledSince([...new Set(events.map((e) => e.developer))]);
  for (const [i, e] of events.entries()) {
    const since = enrolled.get(e.developer);
    if (auth === 'shared' && since !== undefined) {
      return { status: 403, error: `events[${i}]: developer "${e.developer.slice(0, 200)}" is enrolled; their events are accepted only with their own token` };
    }
    if (auth === 'shared') continue;
    // The day an agent.activity tally counts for is a date of its own (data.day): held to the same bounds as "time".
    const day = e.event.type === 'agent.activity' ? Date.parse(`${String((e.event.data as { day?: unknown } | undefined)?.day ?? '')}T00:00:00Z`) : NaN;
    for (const [field, at] of [['time', e.at], ['data.day', Number.isNaN(day) ? e.at : day + DAY_MS - 1]] as const) {
      if (at < now - MAX_PAST_MS) return { status: 400, error: `events[${i}]: "${field}" is more than ${MAX_PAST_MS / DAY_MS} days before the server's clock; a verified record cannot be dated that far back` };
      if (auth === 'enrolled' && since !== undefined && at < since - ENROLLMENT_SKEW_MS) {
        return { status: 400, error: `events[${i}]: "${field}" is before the developer's enrollment (${new Date(since).toISOString()}); a verified record cannot be dated before it` };
      }
    }
    if (!Number.isNaN(day) && day > e.at + DAY_MS) return { status: 400, error: `events[${i}]: "data.day" is after the event's "time"; a tally is sent once its day is over` };
  }
  return undefined;
}

/** The store failed (e.g. the database is restarting): 503, so that clients keep the batch and retry. */
function unavailable(res: http.ServerResponse, ctx: Ctx, e: unknown): void {
  ctx.log?.(`ingest answered 503: ${e instanceof Error ? e.message : String(e)}`);
  sendJson(res, 503, { error: 'the audit store is unavailable; retry later' }, { 'retry-after': '5' });
}

// Checks an ingest body before anything is stored: a batch is taken whole or refused whole, with the
// first reason found (and the index of the offending event). The shape of each event type comes from the
// wire schema shared with the editor (src/core/audit/wireSchema.ts); times are parsed to instants.
// Version skew: fields and event types this version does not know are kept within bounds and noted as not
// understood (notUnderstood.ts); a claimed time far ahead is kept, dated by the server's clock. A refusal is
// "malformed" (400: never acceptable) or "schema" (422: this version cannot take it; a newer one may).
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import canonicalize from 'canonicalize';
import { EVENT_TYPES, type AuditEventType } from '../core/audit/events';
import { dataJsonSchema, envelopeJsonSchema, TYPE_PATTERN } from '../core/audit/wireSchema';
import { notUnderstood, WIRE_SCHEMA_ID } from './notUnderstood';
import { isServerRecord } from './store/eventFold';
import { SERVER_NOTE, type ServerNote } from './store/serverNote';

export interface IncomingEvent {
  id: string;
  type: AuditEventType;
  time: string;
  developer?: string;
  machine?: string;
  policyVersion?: number | null;
  editor?: { name?: string; version?: string };
  extensionVersion?: string;
  data?: Record<string, unknown>;
}

/**
 * An accepted event: the event as sent, its instant, and its canonical JSON text (RFC 8785), which is what is
 * stored and chained (with the server's note beside the event's own fields, when there is one).
 */
export interface CheckedEvent {
  event: IncomingEvent;
  /** `time` as epoch milliseconds; the server's clock when `time` was more than MAX_FUTURE_MS ahead of it. */
  at: number;
  developer: string;
  body: string;
  note?: ServerNote;
}

export const MAX_EVENTS_PER_BATCH = 10_000;
/** How far ahead of the server's clock an event may be dated. */
export const MAX_FUTURE_MS = 24 * 3600 * 1000;
/**
 * How far back a verified event (enrolled token or proxy identity) may be dated: long enough for an editor
 * that was offline for weeks to send its queue (it sends within a minute of coming back online), short
 * enough that nobody can record a verified acknowledgement or training years in the past.
 */
export const MAX_PAST_MS = 60 * 24 * 3600 * 1000;
/** Clock difference tolerated between an editor and the server when judging "before the enrollment". */
export const ENROLLMENT_SKEW_MS = 15 * 60 * 1000;

/** Why a batch was refused: `malformed` (400) is never acceptable; `schema` (422) is beyond what this version takes. */
export type RefusalKind = 'malformed' | 'schema';

export type Validation = { ok: true; events: CheckedEvent[] } | { ok: false; reason: string; kind: RefusalKind; index?: number };

type Refusal = { reason: string; kind: RefusalKind };

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

const TYPE = new RegExp(TYPE_PATTERN);
const ajv = new Ajv({ allErrors: false, strict: true });
// Open schemas: unknown fields pass here and are bounded and noted by notUnderstood().
const envelope = ajv.compile(envelopeJsonSchema({ open: true }));
const dataValidators = new Map<string, ValidateFunction>(EVENT_TYPES.map((t) => [t, ajv.compile(dataJsonSchema(t, { open: true }))]));
const anyData = ajv.compile({ type: 'object' });

function describe(err: ErrorObject | undefined, at: string): string {
  if (!err) return `${at}: invalid`;
  const where = at + err.instancePath.replace(/\/(\d+)(?=\/|$)/g, '[$1]').replace(/\//g, '.');
  const p = err.params as Record<string, unknown>;
  if (err.keyword === 'required') return `${where}: missing "${String(p.missingProperty)}"`;
  if (err.keyword === 'additionalProperties') return `${where}: unknown field "${String(p.additionalProperty).slice(0, 40)}"`;
  if (err.keyword === 'maxItems') return `${where}: more than ${String(p.limit)} items`;
  if (err.keyword === 'maxLength') return `${where}: longer than ${String(p.limit)} characters`;
  return `${where}: ${err.message ?? 'invalid'}`;
}

/** Parses an ISO 8601 date-time with a zone (Z or ±hh:mm) to epoch ms, or undefined. */
export function parseInstant(s: string): number | undefined {
  if (!ISO.test(s)) return undefined;
  const ms = Date.parse(s);
  return Number.isFinite(ms) ? ms : undefined;
}

/** Deepest nesting of objects and arrays anywhere in a body (the events' own schema needs 5). */
export const MAX_DEPTH = 16;

/**
 * Nesting depth of a JSON text, found by one pass over its characters before anything is parsed, so a
 * deeply nested body (anywhere, not only in `events`) is refused without building it. Stops at `limit`.
 */
export function jsonDepth(text: string, limit = MAX_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/** Parses and checks the envelope of a batch: only `{"events": [...]}` within the depth bound. */
function parseBatch(text: string): { ok: true; events: unknown[] } | ({ ok: false } & Refusal) {
  if (jsonDepth(text) > MAX_DEPTH) return { ok: false, kind: 'malformed', reason: `body nested deeper than ${MAX_DEPTH} levels` };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    return { ok: false, kind: 'malformed', reason: `malformed JSON: ${e instanceof Error ? e.message.slice(0, 200) : 'unreadable'}` };
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, kind: 'malformed', reason: 'body must be a JSON object {"events": [...]}' };
  const extra = Object.keys(body).find((k) => k !== 'events');
  if (extra !== undefined) return { ok: false, kind: 'malformed', reason: `unknown top-level field "${extra.slice(0, 40)}" (the body is {"events": [...]})` };
  const events = (body as { events?: unknown }).events;
  if (!Array.isArray(events)) return { ok: false, kind: 'malformed', reason: '"events" must be an array' };
  if (events.length > MAX_EVENTS_PER_BATCH) return { ok: false, kind: 'malformed', reason: `at most ${MAX_EVENTS_PER_BATCH} events per request` };
  return { ok: true, events };
}

function checkEvent(raw: unknown, i: number, now: number): CheckedEvent | Refusal {
  const e = raw as Record<string, unknown>;
  const at = `events[${i}]`;
  const malformed = (reason: string): Refusal => ({ reason, kind: 'malformed' });
  const schema = (reason: string): Refusal => ({ reason, kind: 'schema' });
  if (!e || typeof e !== 'object' || Array.isArray(e)) return malformed(`${at}: not an object`);
  for (const key of ['id', 'type', 'time'] as const) {
    if (typeof e[key] !== 'string' || (e[key] as string).length === 0) return malformed(`${at}: missing "${key}"`);
  }
  const type = e.type as string;
  if (!TYPE.test(type)) return malformed(`${at}: "type" is not an event type name`);
  if (isServerRecord(type)) return malformed(`${at}: "${type}" records are written by the server only`);
  if (Object.prototype.hasOwnProperty.call(e, SERVER_NOTE)) return malformed(`${at}: "${SERVER_NOTE}" is written by the server only`);
  const ms = parseInstant(e.time as string);
  if (ms === undefined) return malformed(`${at}: "time" is not an ISO 8601 date-time with a zone`);
  if (!envelope(e)) return schema(describe(envelope.errors?.[0], at));
  // An id that prints like another (a trailing space, a zero-width or right-to-left mark) would stand beside the
  // real developer in the report as someone else.
  if (typeof e.developer === 'string' && (e.developer !== e.developer.trim() || /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(e.developer))) {
    return malformed(`${at}: "developer" has spaces at its ends or invisible or control characters`);
  }
  const data = dataValidators.get(type) ?? anyData;
  if (e.data !== undefined && !data(e.data)) return schema(describe(data.errors?.[0], `${at}.data`));
  const unknown = notUnderstood(e, at);
  if (!unknown.ok) return schema(unknown.reason);
  const event = e as unknown as IncomingEvent;
  const note: ServerNote = {};
  if (unknown.paths.length) Object.assign(note, { understood: false, notUnderstood: unknown.paths });
  // A clock far ahead: the event is kept, dated by the server's clock, and the claim stays in `time`.
  if (ms > now + MAX_FUTURE_MS) note.clockAhead = { byMs: ms - now, dated: new Date(now).toISOString() };
  if (!Object.keys(note).length) return { event, at: ms, developer: event.developer || 'unknown', body: canonicalize(event) as string };
  note.schema = WIRE_SCHEMA_ID;
  return { event, at: note.clockAhead ? now : ms, developer: event.developer || 'unknown', body: canonicalize({ ...event, [SERVER_NOTE]: note }) as string, note };
}

export function validateBatch(text: string, now: number = Date.now()): Validation {
  const parsed = parseBatch(text);
  if (!parsed.ok) return parsed;
  const out: CheckedEvent[] = [];
  for (let i = 0; i < parsed.events.length; i++) {
    const c = checkEvent(parsed.events[i], i, now);
    if ('reason' in c) return { ok: false, ...c, index: i };
    out.push(c);
  }
  return { ok: true, events: out };
}

/** Events checked between two turns of the event loop in validateBatchYielding. */
export const CHECK_SLICE = 1000;

/** validateBatch for the server: the same checks, handing the event loop back every CHECK_SLICE events. */
export async function validateBatchYielding(text: string, now: number = Date.now()): Promise<Validation> {
  const parsed = parseBatch(text);
  if (!parsed.ok) return parsed;
  const out: CheckedEvent[] = [];
  for (let i = 0; i < parsed.events.length; i++) {
    if (i > 0 && i % CHECK_SLICE === 0) await new Promise((r) => setImmediate(r));
    const c = checkEvent(parsed.events[i], i, now);
    if ('reason' in c) return { ok: false, ...c, index: i };
    out.push(c);
  }
  return { ok: true, events: out };
}

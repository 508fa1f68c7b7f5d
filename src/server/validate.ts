// Checks an ingest body before anything is stored: a batch is taken whole or refused whole, with the
// first reason found (and the index of the offending event). The shape of each event type comes from the
// wire schema shared with the editor (src/core/audit/wireSchema.ts); times are parsed to instants.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import canonicalize from 'canonicalize';
import { EVENT_TYPES, type AuditEventType } from '../core/audit/events';
import { dataJsonSchema, envelopeJsonSchema } from '../core/audit/wireSchema';

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

/** An accepted event: the event as sent, its instant, and its canonical JSON text (RFC 8785), which is what is stored and chained. */
export interface CheckedEvent {
  event: IncomingEvent;
  /** `time` as epoch milliseconds. */
  at: number;
  developer: string;
  body: string;
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

export type Validation = { ok: true; events: CheckedEvent[] } | { ok: false; reason: string };

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

const ajv = new Ajv({ allErrors: false, strict: true });
const envelope = ajv.compile(envelopeJsonSchema());
const dataValidators = new Map<string, ValidateFunction>(EVENT_TYPES.map((t) => [t, ajv.compile(dataJsonSchema(t))]));

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
function parseBatch(text: string): { ok: true; events: unknown[] } | { ok: false; reason: string } {
  if (jsonDepth(text) > MAX_DEPTH) return { ok: false, reason: `body nested deeper than ${MAX_DEPTH} levels` };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `malformed JSON: ${e instanceof Error ? e.message.slice(0, 200) : 'unreadable'}` };
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, reason: 'body must be a JSON object {"events": [...]}' };
  const extra = Object.keys(body).find((k) => k !== 'events');
  if (extra !== undefined) return { ok: false, reason: `unknown top-level field "${extra.slice(0, 40)}" (the body is {"events": [...]})` };
  const events = (body as { events?: unknown }).events;
  if (!Array.isArray(events)) return { ok: false, reason: '"events" must be an array' };
  if (events.length > MAX_EVENTS_PER_BATCH) return { ok: false, reason: `at most ${MAX_EVENTS_PER_BATCH} events per request` };
  return { ok: true, events };
}

function checkEvent(raw: unknown, i: number, now: number): CheckedEvent | { reason: string } {
  const e = raw as Record<string, unknown>;
  const at = `events[${i}]`;
  if (!e || typeof e !== 'object' || Array.isArray(e)) return { reason: `${at}: not an object` };
  for (const key of ['id', 'type', 'time'] as const) {
    if (typeof e[key] !== 'string' || (e[key] as string).length === 0) return { reason: `${at}: missing "${key}"` };
  }
  if (!dataValidators.has(e.type as string)) return { reason: `${at}: unknown event type "${(e.type as string).slice(0, 40)}"` };
  if (!envelope(e)) return { reason: describe(envelope.errors?.[0], at) };
  const data = dataValidators.get(e.type as string) as ValidateFunction;
  if (e.data !== undefined && !data(e.data)) return { reason: describe(data.errors?.[0], `${at}.data`) };
  const ms = parseInstant(e.time as string);
  if (ms === undefined) return { reason: `${at}: "time" is not an ISO 8601 date-time with a zone` };
  if (ms > now + MAX_FUTURE_MS) return { reason: `${at}: "time" is more than 24 hours ahead of the server's clock` };
  const event = e as unknown as IncomingEvent;
  return { event, at: ms, developer: event.developer || 'unknown', body: canonicalize(event) as string };
}

export function validateBatch(text: string, now: number = Date.now()): Validation {
  const parsed = parseBatch(text);
  if (!parsed.ok) return parsed;
  const out: CheckedEvent[] = [];
  for (let i = 0; i < parsed.events.length; i++) {
    const c = checkEvent(parsed.events[i], i, now);
    if ('reason' in c) return { ok: false, reason: c.reason };
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
    if ('reason' in c) return { ok: false, reason: c.reason };
    out.push(c);
  }
  return { ok: true, events: out };
}

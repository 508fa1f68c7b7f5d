// Checks an ingest body before anything is stored: a batch is taken whole or refused whole, with the
// first reason found (and the index of the offending event).
export interface IncomingEvent {
  id: string;
  type: string;
  time: string;
  developer?: unknown;
  machine?: unknown;
  policyVersion?: unknown;
  editor?: unknown;
  extensionVersion?: unknown;
  data?: unknown;
  [k: string]: unknown;
}

export const MAX_EVENTS_PER_BATCH = 10_000;

export type Validation = { ok: true; events: IncomingEvent[] } | { ok: false; reason: string };

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export function validateBatch(text: string): Validation {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `malformed JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, reason: 'body must be a JSON object {"events": [...]}' };
  const events = (body as { events?: unknown }).events;
  if (!Array.isArray(events)) return { ok: false, reason: '"events" must be an array' };
  if (events.length > MAX_EVENTS_PER_BATCH) return { ok: false, reason: `at most ${MAX_EVENTS_PER_BATCH} events per request` };
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as Record<string, unknown>;
    const at = `events[${i}]`;
    if (!e || typeof e !== 'object' || Array.isArray(e)) return { ok: false, reason: `${at}: not an object` };
    for (const key of ['id', 'type', 'time'] as const) {
      if (typeof e[key] !== 'string' || (e[key] as string).length === 0) return { ok: false, reason: `${at}: missing "${key}"` };
    }
    if ((e.id as string).length > 200) return { ok: false, reason: `${at}: "id" longer than 200 characters` };
    if ((e.type as string).length > 100) return { ok: false, reason: `${at}: "type" longer than 100 characters` };
    if (!ISO.test(e.time as string) || !Number.isFinite(Date.parse(e.time as string))) {
      return { ok: false, reason: `${at}: "time" is not an ISO 8601 date-time` };
    }
    if (e.data !== undefined && (typeof e.data !== 'object' || e.data === null || Array.isArray(e.data))) {
      return { ok: false, reason: `${at}: "data" must be an object` };
    }
  }
  return { ok: true, events: events as IncomingEvent[] };
}

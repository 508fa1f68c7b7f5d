// The note the server adds to a chained record it stored without fully understanding it, or whose claimed
// time it did not use: beside the event's own fields, under a name no client may send. The record's JSON is
// the evidence, so the note is chained with it; the counters of these notes are rebuilt from the log.

/** The field of a stored record that holds the server's note (refused in anything a client sends). */
export const SERVER_NOTE = 'serverNote';

export interface ServerNote {
  /** False when the record holds fields or a type this server version does not know. */
  understood?: false;
  /** Paths of what was not understood: `type` (the whole event type), `data.extra`, `data.tools[].activeDays`, `color`. */
  notUnderstood?: string[];
  /** The claimed time was this far ahead of the server's clock; the record is dated `dated` (the receive time). */
  clockAhead?: { byMs: number; dated: string };
  /** The wire schema the note was made against (WIRE_SCHEMA_ID). */
  schema?: string;
}

/** Counter names for the evidence pack: unknown types, unknown fields per type, clock-ahead records. */
export const NOT_UNDERSTOOD_TYPE = 'notUnderstood:type:';
export const NOT_UNDERSTOOD_FIELD = 'notUnderstood:field:';
export const CLOCK_AHEAD = 'clockAhead:';

/** The counters a stored record adds, read from its parsed body (so a replay of the log gives the same). */
export function noteCounters(type: string, parsed: Record<string, unknown>): string[] {
  const note = parsed[SERVER_NOTE];
  if (!note || typeof note !== 'object' || Array.isArray(note)) return [];
  const n = note as ServerNote;
  const out: string[] = [];
  for (const path of Array.isArray(n.notUnderstood) ? n.notUnderstood : []) {
    if (typeof path !== 'string') continue;
    out.push(path === 'type' ? `${NOT_UNDERSTOOD_TYPE}${type}` : `${NOT_UNDERSTOOD_FIELD}${type}:${path}`);
  }
  if (n.clockAhead) out.push(`${CLOCK_AHEAD}${type}`);
  return out;
}

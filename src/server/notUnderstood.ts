// What a newer editor sends that this server version does not know: fields beside the known ones (in the
// envelope, `editor`, `data`, and a tool's object) and whole event types. They are kept in the chained
// record as sent, within bounds, and listed in the record's server note as not understood.
import { createHash } from 'node:crypto';
import { COMMON_FIELDS, EVENT_FIELDS, fieldsOf, TOOL_FIELDS, WIRE_LIMITS, envelopeJsonSchema } from '../core/audit/wireSchema';

/** Bounds on what is kept without being understood (anything larger is refused with 422, kept by the sender). */
export const NOT_UNDERSTOOD_LIMITS = {
  /** Distinct unknown field paths per event. */
  paths: 32,
  /** A field name's length. */
  name: 64,
  /** JSON size of one unknown value, and of an unknown type's whole `data`. */
  valueBytes: 16 * 1024,
  /** JSON size of all unknown content in one event. */
  eventBytes: 512 * 1024,
} as const;

/** Identifies the wire schema this server understands; it changes whenever the schema does. Sent with every ingest answer. */
export const WIRE_SCHEMA_ID = createHash('sha256')
  .update(JSON.stringify([EVENT_FIELDS, COMMON_FIELDS, TOOL_FIELDS, WIRE_LIMITS]))
  .digest('hex')
  .slice(0, 16);

const ENVELOPE_FIELDS = new Set(Object.keys((envelopeJsonSchema() as { properties: Record<string, unknown> }).properties));
const EDITOR_FIELDS = new Set(['name', 'version']);

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

export type NotUnderstood = { ok: true; paths: string[] } | { ok: false; reason: string };

/**
 * The unknown field paths of an event (`color`, `editor.theme`, `data.extra`, `data.tools[].activeDays`),
 * each once, or why they cannot be kept. An unknown event type is the path `type` (its data is kept whole).
 */
export function notUnderstood(e: Record<string, unknown>, at: string): NotUnderstood {
  const paths = new Map<string, number>();
  let bytes = 0;
  let problem: string | undefined;
  const add = (path: string, name: string, value: unknown): void => {
    if (problem) return;
    if (name.length > NOT_UNDERSTOOD_LIMITS.name) problem = `${at}: unknown field name longer than ${NOT_UNDERSTOOD_LIMITS.name} characters`;
    const size = JSON.stringify(value ?? null).length;
    bytes += size;
    if (size > NOT_UNDERSTOOD_LIMITS.valueBytes) problem = `${at}.${path}: unknown field larger than ${NOT_UNDERSTOOD_LIMITS.valueBytes} bytes`;
    else if (bytes > NOT_UNDERSTOOD_LIMITS.eventBytes) problem = `${at}: more than ${NOT_UNDERSTOOD_LIMITS.eventBytes} bytes of unknown fields`;
    paths.set(path, (paths.get(path) ?? 0) + 1);
    if (paths.size > NOT_UNDERSTOOD_LIMITS.paths) problem = `${at}: more than ${NOT_UNDERSTOOD_LIMITS.paths} unknown fields`;
  };
  const unknownKeys = (o: unknown, known: (k: string) => boolean, prefix: string): void => {
    if (!isObject(o)) return;
    for (const [k, v] of Object.entries(o)) if (!known(k)) add(`${prefix}${k}`, k, v);
  };
  unknownKeys(e, (k) => ENVELOPE_FIELDS.has(k), '');
  unknownKeys(e.editor, (k) => EDITOR_FIELDS.has(k), 'editor.');
  const fields = fieldsOf(String(e.type));
  if (!fields) {
    add('type', 'type', e.data);
  } else if (isObject(e.data)) {
    const data = e.data;
    unknownKeys(data, (k) => own(fields, k), 'data.');
    const isTool = (k: string): boolean => own(TOOL_FIELDS, k);
    for (const [k, kind] of Object.entries(fields)) {
      if (kind === 'tool') unknownKeys(data[k], isTool, `data.${k}.`);
      else if (kind === 'tools' && Array.isArray(data[k])) for (const t of data[k] as unknown[]) unknownKeys(t, isTool, `data.${k}[].`);
    }
  }
  return problem ? { ok: false, reason: problem } : { ok: true, paths: [...paths.keys()] };
}

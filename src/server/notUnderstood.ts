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
const TOOL_FIELD_NAMES = new Set(Object.keys(TOOL_FIELDS));

/** Per known type, computed once: its data field names, and which of them hold a tool or a list of tools. */
interface TypeFields {
  data: Set<string>;
  tool: string[];
  tools: string[];
}
const TYPE_FIELDS = new Map<string, TypeFields>(
  Object.keys(EVENT_FIELDS).map((type) => {
    const fields = fieldsOf(type) ?? {};
    const named = (kind: string) => Object.keys(fields).filter((k) => fields[k] === kind);
    return [type, { data: new Set(Object.keys(fields)), tool: named('tool'), tools: named('tools') }];
  }),
);

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export type NotUnderstood = { ok: true; paths: string[] } | { ok: false; reason: string };

/** Collects unknown field paths within the bounds; `problem` is set once a bound is passed. */
class Collector {
  readonly paths = new Set<string>();
  private bytes = 0;
  problem: string | undefined;

  constructor(private readonly at: string) {}

  add(path: string, name: string, value: unknown): void {
    if (this.problem) return;
    const size = JSON.stringify(value ?? null).length;
    this.bytes += size;
    this.paths.add(path);
    if (name.length > NOT_UNDERSTOOD_LIMITS.name) this.problem = `${this.at}: unknown field name longer than ${NOT_UNDERSTOOD_LIMITS.name} characters`;
    else if (size > NOT_UNDERSTOOD_LIMITS.valueBytes) this.problem = `${this.at}.${path}: unknown field larger than ${NOT_UNDERSTOOD_LIMITS.valueBytes} bytes`;
    else if (this.bytes > NOT_UNDERSTOOD_LIMITS.eventBytes) this.problem = `${this.at}: more than ${NOT_UNDERSTOOD_LIMITS.eventBytes} bytes of unknown fields`;
    else if (this.paths.size > NOT_UNDERSTOOD_LIMITS.paths) this.problem = `${this.at}: more than ${NOT_UNDERSTOOD_LIMITS.paths} unknown fields`;
  }

  /** Adds the keys of `o` (if an object) that `known` lacks, under `prefix`. */
  keys(o: unknown, known: ReadonlySet<string>, prefix: string): void {
    if (!isObject(o)) return;
    for (const k of Object.keys(o)) if (!known.has(k)) this.add(prefix + k, k, o[k]);
  }
}

/**
 * The unknown field paths of an event (`color`, `editor.theme`, `data.extra`, `data.tools[].activeDays`),
 * each once, or why they cannot be kept. An unknown event type is the path `type` (its data is kept whole).
 */
export function notUnderstood(e: Record<string, unknown>, at: string): NotUnderstood {
  const c = new Collector(at);
  c.keys(e, ENVELOPE_FIELDS, '');
  c.keys(e.editor, EDITOR_FIELDS, 'editor.');
  const fields = TYPE_FIELDS.get(String(e.type));
  if (!fields) c.add('type', 'type', e.data);
  else if (isObject(e.data)) {
    const data = e.data;
    c.keys(data, fields.data, 'data.');
    for (const k of fields.tool) c.keys(data[k], TOOL_FIELD_NAMES, `data.${k}.`);
    for (const k of fields.tools) if (Array.isArray(data[k])) for (const t of data[k] as unknown[]) c.keys(t, TOOL_FIELD_NAMES, `data.${k}[].`);
  }
  return c.problem ? { ok: false, reason: c.problem } : { ok: true, paths: [...c.paths] };
}

// Reading OTLP attributes at the door: scalar values only, a bounded number per item and a bounded
// nesting depth (past either the request is refused), and content dropped and counted. Nothing read here
// is stored as such: the mapping keeps counts and a few short labels (type, decision, e-mail); a prompt,
// tool input or output, a file path or a command never gets further than this file.
import { DecodeError } from './decode';

export const MAX_ATTRIBUTES = 128;
export const MAX_DEPTH = 8;
const MAX_LABEL = 200;

export type Scalar = string | number | boolean;
export type Attrs = Map<string, Scalar>;

/** Keys that carry content (Claude Code, Codex, Gemini CLI, OpenTelemetry GenAI conventions): dropped and counted. */
const CONTENT_KEYS = new Set([
  'prompt', 'user_prompt', 'tool_parameters', 'tool_input', 'tool_output', 'tool_result', 'function_args', 'function_response',
  'arguments', 'output', 'input', 'command', 'cmd', 'file_path', 'filepath', 'path', 'content', 'response_text', 'request_text',
  'error', 'error.message', 'mcp_server_url', 'body', 'gen_ai.prompt', 'gen_ai.completion', 'gen_ai.input.messages',
  'gen_ai.output.messages', 'gen_ai.system_instructions', 'gen_ai.tool.call.arguments', 'gen_ai.tool.call.result',
  'gen_ai.tool.definitions',
]);
const CONTENT_PATTERN = /(^|[._])(prompts?|content|messages?|arguments|args|input|output|command|path|file_?name|text|query|response|completion|parameters|instructions)$/i;

export function isContentKey(key: string): boolean {
  return CONTENT_KEYS.has(key.toLowerCase()) || CONTENT_PATTERN.test(key) || /^gen_ai\.(prompt|completion)\./.test(key);
}

export interface DropCount {
  dropped: number;
}

const num = (v: unknown): number | undefined => {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};

/** Checks an AnyValue's nesting depth (arrays and key-value lists), refusing the request past MAX_DEPTH. */
function checkDepth(v: unknown, depth: number): void {
  if (depth > MAX_DEPTH) throw new DecodeError(`attribute values nested deeper than ${MAX_DEPTH}`);
  if (!v || typeof v !== 'object') return;
  const o = v as { arrayValue?: { values?: unknown[] }; kvlistValue?: { values?: { value?: unknown }[] } };
  const items = o.arrayValue?.values ?? o.kvlistValue?.values?.map((kv) => kv?.value) ?? [];
  if (items.length > 1000) throw new DecodeError('an attribute value holds more than 1000 items');
  for (const item of items) checkDepth(item, depth + 1);
}

/** A scalar AnyValue (string, bool, int, double) or undefined for arrays, lists, bytes and empty values. */
export function scalar(v: unknown): Scalar | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.stringValue === 'string') return o.stringValue;
  if (typeof o.boolValue === 'boolean') return o.boolValue;
  if (o.intValue !== undefined) return num(o.intValue);
  if (o.doubleValue !== undefined) return num(o.doubleValue);
  return undefined;
}

/** The scalar attributes of an item (content keys dropped and counted), after the count and depth checks. */
export function readAttributes(list: unknown, drops: DropCount): Attrs {
  const out: Attrs = new Map();
  if (!Array.isArray(list)) return out;
  if (list.length > MAX_ATTRIBUTES) throw new DecodeError(`more than ${MAX_ATTRIBUTES} attributes on one item`);
  for (const kv of list as { key?: unknown; value?: unknown }[]) {
    if (!kv || typeof kv.key !== 'string') continue;
    checkDepth(kv.value, 1);
    if (isContentKey(kv.key)) {
      drops.dropped++;
      continue;
    }
    const v = scalar(kv.value);
    if (v !== undefined) out.set(kv.key, typeof v === 'string' ? v.slice(0, MAX_LABEL) : v);
  }
  return out;
}

/** A short label attribute (lower-case), or undefined. */
export function label(attrs: Attrs, ...keys: string[]): string | undefined {
  for (const k of keys) {
    const v = attrs.get(k);
    if (typeof v === 'string' && v) return v.toLowerCase();
  }
  return undefined;
}

/** A numeric attribute (ints may come as strings), or 0. */
export function amount(attrs: Attrs, ...keys: string[]): number {
  for (const k of keys) {
    const v = num(attrs.get(k));
    if (v !== undefined && v > 0) return v;
  }
  return 0;
}

/** OTLP time (nanoseconds since the epoch, as a string or number) in milliseconds, or undefined when unset. */
export function nanosToMs(v: unknown): number | undefined {
  if (typeof v === 'string' && /^\d{1,20}$/.test(v)) {
    const ms = Number(BigInt(v) / 1_000_000n);
    return ms > 0 ? ms : undefined;
  }
  if (typeof v === 'number' && Number.isFinite(v) && v > 0) return Math.floor(v / 1e6);
  return undefined;
}

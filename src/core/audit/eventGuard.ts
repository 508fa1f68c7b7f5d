// The guard between the editor and the wire. Data keys are allow-listed per event type and each value
// is checked against its kind; strings that look like file contents, file paths or secret values are
// dropped. Dropped key names (never their values) are listed in `redacted` so a gap is visible.
import { nodeCrypto } from '../nodeBuiltins';
import { DATE_PATTERN, DAY_PATTERN, fieldsOf, TOOL_FIELDS, WIRE_LIMITS, type Kind } from './wireSchema';

/** The editor's own cap on a tool list; the wire allows more (WIRE_LIMITS.tools). */
const EDITOR_TOOLS = 500;

/** Keys that carry a path and are replaced by its hash rather than dropped. */
const PATH_KEYS = new Set(['path', 'uri', 'file', 'fileName']);

export const LIMITS = { text: WIRE_LIMITS.text, list: WIRE_LIMITS.list, tools: EDITOR_TOOLS, dataBytes: 64 * 1024 } as const;

const SECRET_SHAPES =
  /-----BEGIN|AKIA[0-9A-Z]{12,}|\bgh[pousr]_[A-Za-z0-9]{16,}|\bxox[abprs]-|\bsk-[A-Za-z0-9_-]{16,}|\beyJ[A-Za-z0-9_-]{8,}\.|:\/\/[^/\s:@]+:[^/\s@]+@/;

/** A string that looks like a file path (absolute, home-relative, backslashed, or dir/file.ext). */
export function looksLikePath(s: string): boolean {
  if (/^(\/|~[\\/]|\.\.?[\\/]|[A-Za-z]:[\\/]|file:)/i.test(s) || s.includes('\\')) return true;
  const slashes = (s.match(/\//g) ?? []).length;
  return slashes >= 2 || (slashes === 1 && /\.[A-Za-z][A-Za-z0-9]{0,7}$/.test(s));
}

function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) h -= (n / s.length) * Math.log2(n / s.length);
  return h;
}

/** A string that looks like a credential: a known token shape or a long high-entropy run. */
export function looksLikeSecret(s: string): boolean {
  if (SECRET_SHAPES.test(s)) return true;
  const runs = s.match(/[A-Za-z0-9+/=_-]{32,}/g) ?? [];
  return runs.some((r) => entropy(r) >= 4);
}

function safeString(v: unknown, kind: 'text' | 'id'): string | undefined {
  if (typeof v !== 'string' || v.length === 0 || v.length > LIMITS.text) return undefined;
  if (/[\r\n\t\0]/.test(v)) return undefined; // multi-line means content
  if (kind === 'id' && /\s/.test(v)) return undefined;
  if (looksLikePath(v) || looksLikeSecret(v)) return undefined;
  return v;
}

function clean(v: unknown, kind: Kind): unknown {
  switch (kind) {
    case 'text':
    case 'id':
      return safeString(v, kind);
    case 'hash':
      return typeof v === 'string' && /^(sha256:)?[0-9a-f]{16,128}$/i.test(v) ? v.toLowerCase() : undefined;
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
    case 'boolean':
      return typeof v === 'boolean' ? v : undefined;
    case 'ids':
    case 'texts': {
      if (!Array.isArray(v)) return undefined;
      return v.slice(0, LIMITS.list).map((x) => safeString(x, kind === 'ids' ? 'id' : 'text')).filter((x) => x !== undefined);
    }
    case 'date':
      return typeof v === 'string' && new RegExp(DATE_PATTERN).test(v) && Number.isFinite(Date.parse(v)) ? v : undefined;
    case 'dates': {
      if (!Array.isArray(v)) return undefined;
      const day = new RegExp(DAY_PATTERN);
      return v.filter((x): x is string => typeof x === 'string' && day.test(x) && Number.isFinite(Date.parse(x))).slice(-LIMITS.list);
    }
    case 'counts': {
      if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
      const out: Record<string, number> = {};
      for (const [k, n] of Object.entries(v as Record<string, unknown>).slice(0, LIMITS.list)) {
        if (new RegExp(`^[A-Za-z0-9_.-]{1,${WIRE_LIMITS.countKey}}$`).test(k) && typeof n === 'number' && Number.isFinite(n)) out[k] = n;
      }
      return out;
    }
    case 'source':
      return publishedSource(v);
    case 'tool':
      return v && typeof v === 'object' && !Array.isArray(v) ? pick(v as Record<string, unknown>, TOOL_FIELDS).out : undefined;
    case 'tools':
      if (!Array.isArray(v)) return undefined;
      return v.slice(0, LIMITS.tools).map((x) => clean(x, 'tool')).filter((x) => x !== undefined);
  }
}

function pick(data: Record<string, unknown>, schema: Record<string, Kind>): { out: Record<string, unknown>; dropped: string[] } {
  const out: Record<string, unknown> = {};
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue;
    const kind = Object.prototype.hasOwnProperty.call(schema, key) ? schema[key] : undefined;
    const v = kind ? clean(value, kind) : undefined;
    if (v === undefined) dropped.push(key);
    else out[key] = v;
  }
  return { out, dropped };
}

/** Where a policy came from: `file` for local files, a URL reduced to origin and path for published ones. */
function publishedSource(v: unknown): string | undefined {
  if (v === 'file') return v;
  if (typeof v !== 'string' || v.length > LIMITS.text) return undefined;
  try {
    const u = new URL(v);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    const clean = u.origin + u.pathname;
    return looksLikeSecret(clean) ? u.origin : clean;
  } catch {
    return undefined;
  }
}

/**
 * Hex hash of a (workspace-relative) path, so events can tell files apart without naming them. A plain sha256
 * of a common name such as `.env` is easy to guess, so with the policy's pseudonymization key it is an HMAC.
 */
export function hashPath(p: string, hmacKey?: string): string {
  const h = hmacKey ? nodeCrypto().createHmac('sha256', hmacKey) : nodeCrypto().createHash('sha256');
  return h.update(p.replace(/\\/g, '/')).digest('hex');
}

/** The allow-listed, checked copy of an event's data. */
export function sanitizeData(type: string, data: Record<string, unknown>): Record<string, unknown> {
  const schema: Record<string, Kind> = { ...(fieldsOf(type) ?? {}) };
  delete schema.redacted; // set by the guard itself, below
  const input = { ...data };
  const pathsDropped: string[] = [];
  for (const key of PATH_KEYS) {
    if (!(key in input)) continue;
    if (typeof input[key] === 'string' && schema.pathHash && input.pathHash === undefined) input.pathHash = hashPath(input[key] as string);
    else pathsDropped.push(key);
    delete input[key];
  }
  const { out, dropped } = pick(input, schema);
  const redacted = [...pathsDropped, ...dropped].filter((k) => /^[A-Za-z0-9_.-]{1,40}$/.test(k));
  if (redacted.length) out.redacted = redacted;
  if (Buffer.byteLength(JSON.stringify(out)) > LIMITS.dataBytes) return { redacted: ['oversize'] };
  return out;
}

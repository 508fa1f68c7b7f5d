// Turns a decoded OTLP export request into usage rows per developer, tool and day. Metrics add their
// data points (delta sums directly; cumulative sums through the store, against the series' previous
// value); log events add counts. Only counts, tokens, cost and time are kept; everything else the request
// carries is read for its labels at most and dropped (content keys counted as dropped).
import { pseudonymize } from '../../core/audit/identity';
import { sha256 } from '../../core/sha256';
import { dayOf } from '../store/eventFold';
import type { CumulativePoint, UsageBatch, UsageDelta, UsageField } from '../usage/fields';
import { MAX_FUTURE_MS } from '../validate';
import { label, nanosToMs, readAttributes, scalar, type Attrs, type DropCount } from './attributes';
import { DecodeError, type Signal } from './decode';
import { eventFigures, MAX_FIGURE, metricField, splitName } from './vendors';

/** Log records or metric data points in one request. */
export const MAX_ITEMS = 20_000;
const CUMULATIVE = 2;

export interface Sender {
  /** The enrolled or proxy-authenticated identity; else the telemetry's user.email is taken. */
  identity?: string;
  /** The policy's pseudonymization key (audit.pseudonymize.hmacKey), applied to e-mails from telemetry. */
  hmacKey?: string;
  /** For a verified sender (enrolled token, identity header): the earliest instant an item may be dated. */
  earliest?: number;
}

export interface Mapped {
  batch: UsageBatch;
  /** Items refused (dated more than 24 hours ahead). */
  rejected: number;
}

const arr = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? (v as Record<string, unknown>[]).filter((x) => x && typeof x === 'object') : []);
const merged = (...layers: Attrs[]): Attrs => new Map(layers.flatMap((l) => [...l]));

class Collector {
  readonly deltas: UsageDelta[] = [];
  readonly cumulative: CumulativePoint[] = [];
  readonly drops: DropCount = { dropped: 0 };
  items = 0;
  rejected = 0;
  unmapped = 0;

  constructor(
    private readonly sender: Sender,
    private readonly now: number,
  ) {}

  count(): void {
    if (++this.items > MAX_ITEMS) throw new DecodeError(`more than ${MAX_ITEMS} log records or data points in one request`);
  }

  developer(a: Attrs): string {
    if (this.sender.identity !== undefined) return this.sender.identity;
    const email = label(a, 'user.email');
    if (!email) return 'unknown';
    if (email.startsWith('anon:') || !this.sender.hmacKey) return email;
    return pseudonymize(email, this.sender.hmacKey);
  }

  /**
   * The UTC day of an item, or undefined (and counted as rejected) when it is dated too far ahead, or, from a
   * verified sender, earlier than a verified record may be dated.
   */
  day(ms: number | undefined): number | undefined {
    const at = ms ?? this.now;
    if (at > this.now + MAX_FUTURE_MS || (this.sender.earliest !== undefined && at < this.sender.earliest)) {
      this.rejected++;
      return undefined;
    }
    return dayOf(at);
  }
}

export function toUsage(signal: Signal, request: Record<string, unknown>, sender: Sender, now = Date.now()): Mapped {
  const c = new Collector(sender, now);
  const top = arr(signal === 'logs' ? request.resourceLogs : request.resourceMetrics);
  if (top.length > 1000) throw new DecodeError('more than 1000 resources in one request');
  for (const r of top) {
    const resource = readAttributes((r.resource as { attributes?: unknown } | undefined)?.attributes, c.drops);
    for (const s of arr(signal === 'logs' ? r.scopeLogs : r.scopeMetrics)) {
      const scope = readAttributes((s.scope as { attributes?: unknown } | undefined)?.attributes, c.drops);
      const base = merged(resource, scope);
      if (signal === 'logs') for (const rec of arr(s.logRecords)) logRecord(c, base, resource, rec);
      else for (const m of arr(s.metrics)) metric(c, base, resource, m);
    }
  }
  const counters: Record<string, number> = { [`otlp:${signal}-requests`]: 1, [`otlp:${signal === 'logs' ? 'log-records' : 'data-points'}`]: c.items };
  if (c.drops.dropped) counters['otlp:content-dropped'] = c.drops.dropped;
  if (c.unmapped) counters['otlp:unmapped'] = c.unmapped;
  if (c.rejected) counters['otlp:rejected'] = c.rejected;
  return { batch: { deltas: c.deltas, cumulative: c.cumulative, counters }, rejected: c.rejected };
}

function logRecord(c: Collector, base: Attrs, resource: Attrs, rec: Record<string, unknown>): void {
  c.count();
  const a = merged(base, readAttributes(rec.attributes, c.drops));
  const body = scalar(rec.body);
  // A body that is not an event name is content (Gemini CLI and GenAI events may put the prompt there).
  const bodyName = typeof body === 'string' && /^[a-z0-9_.]{1,80}$/i.test(body) ? body : undefined;
  if (rec.body !== undefined && !bodyName) c.drops.dropped++;
  const raw = (typeof rec.eventName === 'string' && rec.eventName) || label(a, 'event.name') || bodyName;
  if (!raw) return void c.unmapped++;
  const { tool, name } = splitName(raw, resource);
  const figures = tool ? eventFigures(name, a) : undefined;
  if (!tool || !figures) return void c.unmapped++;
  const day = c.day(nanosToMs(rec.timeUnixNano) ?? nanosToMs(rec.observedTimeUnixNano));
  if (day === undefined) return;
  c.deltas.push({ day, developer: c.developer(a), tool, source: 'otlp-log', figures });
}

function metric(c: Collector, base: Attrs, resource: Attrs, m: Record<string, unknown>): void {
  const name = typeof m.name === 'string' ? m.name : '';
  const { tool, name: bare } = splitName(name, resource);
  const data = (m.sum ?? m.histogram) as { dataPoints?: unknown; aggregationTemporality?: unknown; isMonotonic?: unknown } | undefined;
  const points = arr(data?.dataPoints);
  for (let i = 0; i < points.length; i++) c.count();
  if (!tool || !data) return void (c.unmapped += points.length || 1);
  const cumulative = Number(data.aggregationTemporality) === CUMULATIVE;
  for (const p of points) {
    const a = merged(base, readAttributes(p.attributes, c.drops));
    const target = metricField(bare, a);
    if (!target) {
      c.unmapped++;
      continue;
    }
    const value = pointValue(p, m.histogram ? (target.histogram ?? 'sum') : undefined);
    if (value === undefined || value < 0) continue;
    const day = c.day(nanosToMs(p.timeUnixNano));
    if (day === undefined) continue;
    const developer = c.developer(a);
    const row = { day, developer, tool, source: 'otlp-metric' as const };
    if (!cumulative) {
      if (value > 0) c.deltas.push({ ...row, figures: { [target.field]: value } as Partial<Record<UsageField, number>> });
      continue;
    }
    const attrs = [...a].filter(([k]) => k !== 'user.email').sort(([x], [y]) => (x < y ? -1 : 1));
    c.cumulative.push({ key: sha256(JSON.stringify([developer, tool, name, target.field, attrs])), start: String(p.startTimeUnixNano ?? ''), value, row: { ...row, field: target.field } });
  }
}

function pointValue(p: Record<string, unknown>, histogram: 'count' | 'sum' | undefined): number | undefined {
  const raw = histogram ? p[histogram] : (p.asDouble ?? p.asInt);
  const v = typeof raw === 'string' ? Number(raw) : raw;
  return typeof v === 'number' && Number.isFinite(v) && v <= MAX_FIGURE ? v : undefined;
}

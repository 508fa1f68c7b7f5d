// The report's query string: `since` and `until` (inclusive; a date YYYY-MM-DD means that whole UTC day,
// a date-time with a zone means that instant), and the dashboard filters `team`, `tool`, `status`.
// Anything malformed is refused with a reason (the server answers 400).
import { parseInstant } from '../validate';

export const STATUSES = ['approved', 'restricted', 'prohibited', 'unlisted'] as const;

export interface ReportQuery {
  since?: number;
  until?: number;
  team?: string;
  tool?: string;
  status?: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Start (or, with `end`, last millisecond) of a YYYY-MM-DD UTC day; undefined when not a real date. */
export function parseDay(s: string, end = false): number | undefined {
  const m = DATE.exec(s);
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Date.UTC rolls 2026-02-30 over to March: a real date reads back the same.
  if (new Date(t).toISOString().slice(0, 10) !== s) return undefined;
  return end ? t + 86_400_000 - 1 : t;
}

function bound(name: string, raw: string | null, end: boolean): number | undefined | string {
  if (raw === null || raw === '') return undefined;
  const t = parseDay(raw, end) ?? parseInstant(raw);
  return t === undefined ? `"${name}" must be a date (YYYY-MM-DD) or an ISO 8601 date-time with a zone; got "${raw.slice(0, 40)}"` : t;
}

export function parseReportQuery(params: URLSearchParams): { ok: true; query: ReportQuery } | { ok: false; reason: string } {
  const since = bound('since', params.get('since'), false);
  const until = bound('until', params.get('until'), true);
  if (typeof since === 'string') return { ok: false, reason: since };
  if (typeof until === 'string') return { ok: false, reason: until };
  if (since !== undefined && until !== undefined && since > until) return { ok: false, reason: '"since" is after "until"' };
  const text = (name: string): string | undefined => {
    const v = params.get(name);
    return v ? v.slice(0, 200) : undefined;
  };
  const status = text('status');
  if (status && !(STATUSES as readonly string[]).includes(status)) return { ok: false, reason: `"status" must be one of ${STATUSES.join(', ')}` };
  return { ok: true, query: { since, until, team: text('team'), tool: text('tool'), status } };
}

/** The query as URL parameters again (for links that keep the filters). */
export function queryString(q: ReportQuery, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  if (q.since !== undefined) p.set('since', isoDayOrTime(q.since, false));
  if (q.until !== undefined) p.set('until', isoDayOrTime(q.until, true));
  if (q.team) p.set('team', q.team);
  if (q.tool) p.set('tool', q.tool);
  if (q.status) p.set('status', q.status);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** A bound as it was most likely given: a whole day when it falls on the day's edge. */
export function isoDayOrTime(t: number, end: boolean): string {
  const edge = end ? (t + 1) % 86_400_000 === 0 : t % 86_400_000 === 0;
  return edge ? new Date(end ? t + 1 - 86_400_000 : t).toISOString().slice(0, 10) : new Date(t).toISOString();
}

// Tool usage in a range, from the presence intervals: per developer and tool (and status at the time),
// the census by status, and the weekly trend of developers with unlisted or prohibited tools.
import type { IntervalRow } from '../store/types';
import { iso, WEEK_MS, weekStart } from './time';

export interface Usage {
  developer: string;
  team: string | null;
  tool: string;
  name: string | null;
  version: string | null;
  status: string;
  machines: number;
  firstSeen: string;
  lastSeen: string;
  /** Still installed in the latest inventory of at least one machine. */
  present: boolean;
  enabled: boolean | null;
  active: boolean | null;
}

export function usage(intervals: readonly IntervalRow[], team: (d: string) => string | null): Usage[] {
  const groups = new Map<string, { rows: IntervalRow[] }>();
  for (const i of intervals) {
    const key = `${i.developer}\u0000${i.tool}\u0000${i.status}`;
    (groups.get(key) ?? groups.set(key, { rows: [] }).get(key)!).rows.push(i);
  }
  const out: Usage[] = [];
  for (const { rows } of groups.values()) {
    // Most groups are one interval (one machine, no change in the range): no set, no spread for those.
    const latest = rows.length === 1 ? rows[0] : rows.reduce((a, b) => (b.lastAt > a.lastAt ? b : a));
    out.push({
      developer: latest.developer,
      team: team(latest.developer),
      tool: latest.tool,
      name: latest.name,
      version: latest.version,
      status: latest.status,
      machines: rows.length === 1 ? 1 : new Set(rows.map((r) => r.machine)).size,
      firstSeen: iso(rows.length === 1 ? latest.firstAt : rows.reduce((m, r) => Math.min(m, r.firstAt), Infinity)),
      lastSeen: iso(latest.lastAt),
      present: rows.length === 1 ? latest.present : rows.some((r) => r.present),
      enabled: latest.enabled,
      active: latest.active,
    });
  }
  return out.sort((a, b) => (a.developer < b.developer ? -1 : a.developer > b.developer ? 1 : a.tool < b.tool ? -1 : a.tool > b.tool ? 1 : 0));
}

export function census(rows: readonly Usage[]) {
  const byStatus = new Map<string, { tools: Set<string>; developers: Set<string> }>();
  const tools = new Map<string, { tool: string; name: string | null; status: string; developers: Set<string> }>();
  for (const u of rows) {
    const s = byStatus.get(u.status) ?? byStatus.set(u.status, { tools: new Set(), developers: new Set() }).get(u.status)!;
    s.tools.add(u.tool);
    s.developers.add(u.developer);
    const key = `${u.tool}\u0000${u.status}`;
    const t = tools.get(key) ?? tools.set(key, { tool: u.tool, name: u.name, status: u.status, developers: new Set() }).get(key)!;
    t.developers.add(u.developer);
  }
  return {
    byStatus: [...byStatus].map(([status, s]) => ({ status, tools: s.tools.size, developers: s.developers.size })).sort((a, b) => (a.status < b.status ? -1 : 1)),
    tools: [...tools.values()]
      .map((t) => ({ tool: t.tool, name: t.name, status: t.status, developers: t.developers.size }))
      .sort((a, b) => b.developers - a.developers || (a.tool < b.tool ? -1 : a.tool > b.tool ? 1 : 0)),
  };
}

export const TREND_STATUSES = ['unlisted', 'prohibited'] as const;
const MAX_WEEKS = 104;

/** Developers per week (Monday, UTC) who had an unlisted or a prohibited tool at some point of that week. */
export function weeklyTrend(intervals: readonly IntervalRow[], since: number | undefined, until: number) {
  const relevant = intervals.filter((i) => (TREND_STATUSES as readonly string[]).includes(i.status));
  const first = since ?? relevant.reduce((m, i) => Math.min(m, i.firstAt), until);
  const end = weekStart(until);
  const start = Math.max(weekStart(first), end - (MAX_WEEKS - 1) * WEEK_MS);
  const weeks = new Map<number, Record<string, Set<string>>>();
  for (let w = start; w <= end; w += WEEK_MS) weeks.set(w, { unlisted: new Set(), prohibited: new Set() });
  for (const i of relevant) {
    const from = Math.max(weekStart(i.firstAt), start);
    const to = Math.min(weekStart(i.lastAt), end);
    for (let w = from; w <= to; w += WEEK_MS) weeks.get(w)?.[i.status].add(i.developer);
  }
  return [...weeks].map(([w, s]) => ({ week: iso(w).slice(0, 10), unlisted: s.unlisted.size, prohibited: s.prohibited.size }));
}

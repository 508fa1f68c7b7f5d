// The evidence report for a range and filters, composed from the store's rows (no SQL here): who was
// in scope, which tools they had (with history), who acknowledged and trained and who has not,
// exposures, the policy versions editors reported, and the head of the tamper-evident log.
import { dayOf, isServerRecord } from '../store/eventFold';
import type { ReportRows } from '../store/types';
import { describeTool } from '../usage/tools';
import { adoption } from './adoption';
import { acknowledgements, population, trainings, type Person } from './people';
import type { PolicyInfo } from './policyInfo';
import type { ReportQuery } from './query';
import type { RosterEntry } from './roster';
import { dayIso, iso, isoOrNull, weekStart } from './time';
import { census, usage, weeklyTrend } from './usage';
import { notUnderstoodRows } from './notUnderstood';

export interface ReportContext {
  query: ReportQuery;
  policy?: PolicyInfo;
  roster?: readonly RosterEntry[];
  now: number;
  /** A developer page: the report about this one developer. */
  developer?: string;
}

export function buildReport(rows: ReportRows, ctx: ReportContext) {
  const q = ctx.query;
  const roster = (ctx.roster ?? []).filter((r) => !q.team || r.team === q.team);
  const teamOf = new Map((ctx.roster ?? []).map((r) => [r.developer, r.team]));
  const team = (d: string): string | null => teamOf.get(d) ?? null;
  const inTeam = (d: string): boolean => !q.team || team(d) === q.team;
  const ranged = q.since !== undefined || q.until !== undefined;
  const people: Person[] = population(rows, roster, ranged, ctx.developer).filter((p) => ctx.developer !== undefined || inTeam(p.developer));
  const inScope = new Set(people.map((p) => p.developer));
  const asOf = Math.min(q.until ?? ctx.now, ctx.now);

  const allUsage = usage(
    rows.intervals.filter((i) => inScope.has(i.developer)),
    team,
  );
  const shown = allUsage.filter((u) => (!q.tool || u.tool === q.tool) && (!q.status || u.status === q.status));
  const intervals = rows.intervals.filter((i) => inScope.has(i.developer) && (!q.tool || i.tool === q.tool) && (!q.status || i.status === q.status));
  const byType: Record<string, number> = Object.create(null) as Record<string, number>;
  // Records the server wrote itself (enrollments, exception decisions) are in the log, not among the events editors sent.
  let serverRecords = 0;
  for (const [name, n] of Object.entries(rows.counters)) {
    if (name.startsWith('type:') && isServerRecord(name.slice(5))) serverRecords += n;
    else if (name.startsWith('type:')) byType[name.slice(5)] = n;
  }
  const exposureTotal = rows.exposures.byDay.reduce((s, d) => s + d.n, 0);
  // Per tool, the status of its latest interval (the later row on a tie), in one pass rather than a sort of every interval.
  const latestOfTool = new Map<string, { lastAt: number; status: string }>();
  for (const i of rows.intervals) {
    const key = i.tool.toLowerCase();
    const seen = latestOfTool.get(key);
    if (!seen || i.lastAt >= seen.lastAt) latestOfTool.set(key, { lastAt: i.lastAt, status: i.status });
  }
  const inventoryStatus = new Map([...latestOfTool].map(([tool, l]) => [tool, l.status]));
  const rosterTeams = new Map<string, number>();
  for (const r of roster) if (r.team) rosterTeams.set(r.team, (rosterTeams.get(r.team) ?? 0) + 1);
  const weeks = new Map<number, number>();
  for (const d of rows.exposures.byDay) {
    const w = weekStart(d.day * 86_400_000);
    weeks.set(w, (weeks.get(w) ?? 0) + d.n);
  }

  return {
    generatedAt: iso(ctx.now),
    range: { since: isoOrNull(q.since), until: isoOrNull(q.until) },
    filters: { team: q.team ?? null, tool: q.tool ?? null, status: q.status ?? null },
    policy: ctx.policy ? { organization: ctx.policy.organization, version: ctx.policy.version, sha256: ctx.policy.sha256 ?? null, signature: ctx.policy.signature ?? null, published: ctx.policy.published ?? null, effective: ctx.policy.effective ?? null } : null,
    log: { events: rows.head.count, lastSeq: rows.head.seq, headHash: rows.head.hash },
    totals: {
      events: (rows.counters.events ?? 0) - serverRecords,
      duplicates: rows.counters.duplicates ?? 0,
      developers: people.length,
      active: people.filter((p) => p.state === 'active').length,
      noData: people.filter((p) => p.state === 'no data').length,
      machines: rows.machines,
      byType,
    },
    /** What the OTLP receiver took in, and what it dropped at the door (content) or could not map. */
    telemetry: {
      requests: (rows.counters['otlp:logs-requests'] ?? 0) + (rows.counters['otlp:metrics-requests'] ?? 0),
      logRecords: rows.counters['otlp:log-records'] ?? 0,
      dataPoints: rows.counters['otlp:data-points'] ?? 0,
      contentDropped: rows.counters['otlp:content-dropped'] ?? 0,
      unmapped: rows.counters['otlp:unmapped'] ?? 0,
      rejected: rows.counters['otlp:rejected'] ?? 0,
    },
    options: {
      teams: [...new Set((ctx.roster ?? []).map((r) => r.team).filter((t): t is string => !!t))].sort(),
      tools: [...new Map([...rows.usage.byDeveloper.map((u) => [u.tool, describeTool(u.tool).name] as const), ...allUsage.map((u) => [u.tool, u.name] as const)]).entries()]
        .map(([id, name]) => ({ id, name }))
        .sort((a, b) => (a.id < b.id ? -1 : 1)),
    },
    developers: people,
    usage: shown,
    census: census(shown),
    trend: weeklyTrend(intervals, q.since, asOf),
    /** Per day: developers whose inventory came in, and those with an AI tool enabled (presence, not use). */
    reporting: rows.daily.map((d) => ({ day: dayIso(d.day), reporting: d.reporting, using: d.using })),
    adoption: adoption({ usage: rows.usage, team, rosterTeams, policy: ctx.policy, inventoryStatus, tool: q.tool, status: q.status, trendEnd: dayOf(asOf) }),
    // What editors reported loading are claims; only the server's own --policy file and the earlier versions in
    // its --policy-history folder (validly signed, when --policy-pubkey is given) are "published".
    policyVersions: rows.policyVersions.map(({ firstAt, lastAt, ...v }) => ({
      ...v,
      source: isPublished(ctx.policy, v.version, v.hash) ? ('published' as const) : ('claimed by editors' as const),
      firstSeen: iso(firstAt),
      lastSeen: iso(lastAt),
    })),
    acknowledgements: acknowledgements(rows, people, ctx.policy, asOf),
    training: trainings(rows, people, ctx.policy, asOf),
    exposures: {
      total: exposureTotal,
      byClass: rows.exposures.byClass,
      byTool: rows.exposures.byTool,
      byDay: rows.exposures.byDay.map((d) => ({ day: dayIso(d.day), n: d.n })),
      byWeek: [...weeks].sort((a, b) => a[0] - b[0]).map(([w, n]) => ({ week: iso(w).slice(0, 10), n })),
      byDeveloper: rows.exposures.byDeveloper.filter((d) => inScope.has(d.developer)).map((d) => ({ developer: d.developer, team: team(d.developer), n: d.n, last: iso(d.lastAt) })),
    },
    /** Records stored but not fully understood by this server version, and clock-ahead records (since the log began). */
    notUnderstood: notUnderstoodRows(rows.counters),
    /** Per machine presence intervals (developer pages only). */
    history:
      ctx.developer === undefined
        ? undefined
        : intervals.map((i) => ({ machine: i.machine, tool: i.tool, name: i.name, version: i.version, status: i.status, firstSeen: iso(i.firstAt), lastSeen: iso(i.lastAt), present: i.present, goneAt: isoOrNull(i.goneAt) })),
  };
}

export type Report = ReturnType<typeof buildReport>;

/** True when this version and hash are the server's own policy file or a published earlier version it can vouch for. */
function isPublished(policy: PolicyInfo | undefined, version: number, hash: string | null | undefined): boolean {
  if (!policy || !hash) return false;
  if (policy.sha256 === hash && policy.version === version) return true;
  return (policy.history ?? []).some((h) => h.published && h.sha256 === hash && h.version === version);
}

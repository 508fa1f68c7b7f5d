// The exceptions part of the evidence pack: every decision made in the range with its request, reason,
// approver, scope and days, and whether it was used while in force by the people it covers: their
// inventories show the tool (or MCP server), or the usage rollups show it active (the agent hook's daily
// activity, the editor's active days, the agent's own telemetry); and the approved exceptions that expired
// while the tool is still there or still in use.
import type { PolicyInfo } from '../report/policyInfo';
import type { RosterEntry } from '../report/roster';
import type { Usage } from '../report/usage';
import type { UsageInForce, UsageInForceQuery } from '../store/types';
import { epochDay } from '../usage/eventUsage';
import { usageToolIds } from '../usage/tools';
import type { DecisionRecord, RequestRecord } from './records';

const DAY = 86_400_000;

export interface ExceptionEvidenceRow {
  requestId: string;
  requestedBy: string;
  requestedAt: string | null;
  what: string;
  dataClass: string | null;
  reason: string;
  decision: 'approved' | 'declined';
  decidedBy: string;
  decidedAt: string;
  scope: string;
  whom: string;
  from: string;
  until: string;
  note: string | null;
  /** Approved and, while in force, seen in a covered developer's inventory or active in the usage rollups. */
  used: boolean;
  /** What shows the use: `inventory`, `agent hook`, `editor activity`, `telemetry`. */
  usedBy: string[];
  /** Days on which the tool was active for a covered developer while the exception was in force (usage rollups). */
  activeDays: number;
  /** Approved, past its last day, and the tool still present (inventory) or active (rollups) after that. */
  expiredInUse: boolean;
  /** Last inventory that showed the tool (ISO time). */
  lastSeen: string | null;
  /** Last day the rollups show the tool active (YYYY-MM-DD). */
  lastActive: string | null;
}


export interface ExceptionEvidence {
  rows: ExceptionEvidenceRow[];
  expiredInUse: ExceptionEvidenceRow[];
}

/** The inventory tool ids that stand for the decision's tool: the id itself and, for a policy tool id, its identifiers. */
function toolIds(d: DecisionRecord, policy: PolicyInfo | undefined): Set<string> {
  if (d.what.mcpServer) return new Set([`mcp:${d.what.mcpServer}`.toLowerCase()]);
  const id = (d.what.tool ?? '').toLowerCase();
  const entry = policy?.tools?.find((t) => t.id.toLowerCase() === id);
  return new Set([id, ...(entry?.identifiers ?? []).map((i) => i.toLowerCase())]);
}

/** The developers a decision covers, as the events name them: its person, its team's members on the roster, or (repository) the requester. */
function coveredAsGiven(d: DecisionRecord & { requestedBy?: string }, roster: readonly RosterEntry[]): Set<string> {
  if (d.scope === 'team') return new Set(roster.filter((r) => r.team && r.team.toLowerCase() === d.who.team?.toLowerCase()).map((r) => r.developer));
  const one = d.who.developer ?? d.requestedBy ?? '';
  return new Set(one ? [one] : []);
}

/** The same, lower-cased for comparison. */
function covered(d: DecisionRecord & { requestedBy?: string }, roster: readonly RosterEntry[]): Set<string> {
  return new Set([...coveredAsGiven(d, roster)].map((x) => x.toLowerCase()));
}

const SOURCES: Record<string, string> = { hook: 'agent hook', editor: 'editor activity', 'otlp-log': 'telemetry', 'otlp-metric': 'telemetry' };
const isoDay = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

/**
 * The usage each approved decision's evidence needs (keyed by its request id): its covered developers (as given and lower-cased, since
 * ids are compared exactly in the store) and its tool ids as the rollups count them, from its first day on.
 * MCP servers have no rollups (the hook's activity counts calls per agent, not per server): inventory only.
 */
export function activityQueries(
  requests: readonly RequestRecord[],
  decisions: readonly DecisionRecord[],
  ctx: { policy?: PolicyInfo; roster: readonly RosterEntry[] },
): UsageInForceQuery[] {
  const byId = new Map(requests.map((r) => [r.requestId, r]));
  const out: UsageInForceQuery[] = [];
  for (const d of decisions) {
    const fromDay = epochDay(d.from);
    const untilDay = epochDay(d.until);
    if (d.status !== 'approved' || d.what.mcpServer || fromDay === undefined || untilDay === undefined) continue;
    const req = byId.get(d.requestId);
    const developers = [...coveredAsGiven({ ...d, requestedBy: req?.developer }, ctx.roster)];
    const ids = toolIds(d, ctx.policy);
    // Tool ids are lower-case wherever they are counted (inventories, agents, telemetry): usageToolIds keeps `ids` too.
    out.push({ key: d.requestId, developers: [...new Set([...developers, ...developers.map((x) => x.toLowerCase())])], tools: usageToolIds(ids), fromDay, untilDay });
  }
  return out;
}

export function exceptionEvidence(
  requests: readonly RequestRecord[],
  decisions: readonly DecisionRecord[],
  usage: readonly Usage[],
  ctx: { policy?: PolicyInfo; roster: readonly RosterEntry[]; since?: number; until?: number; now: number; activity?: ReadonlyMap<string, UsageInForce> },
): ExceptionEvidence {
  const byId = new Map(requests.map((r) => [r.requestId, r]));
  const all = decisions.map((d): ExceptionEvidenceRow & { inRange: boolean } => {
    const req = byId.get(d.requestId);
    const start = Date.parse(`${d.from}T00:00:00Z`);
    const end = Date.parse(`${d.until}T00:00:00Z`) + DAY;
    const ids = toolIds(d, ctx.policy);
    const people = covered({ ...d, requestedBy: req?.developer }, ctx.roster);
    const approved = d.status === 'approved';
    const seen = approved ? usage.filter((u) => people.has(u.developer.toLowerCase()) && ids.has(u.tool.toLowerCase())) : [];
    const inventoryUse = seen.some((u) => Date.parse(u.firstSeen) < end && Date.parse(u.lastSeen) >= start);
    const after = seen.filter((u) => u.present && Date.parse(u.lastSeen) >= end);
    const lastSeen = seen.map((u) => u.lastSeen).sort().pop() ?? null;
    // The rollups (read for the days from the first through the last day, and for any later use).
    const active = approved ? ctx.activity?.get(d.requestId) : undefined;
    const lastInForce = Math.floor((end - 1) / DAY);
    const activeDays = active?.activeDays ?? 0;
    const usedBy = [...new Set([...(inventoryUse ? ['inventory'] : []), ...(activeDays ? (active?.sources ?? []).map((x) => SOURCES[x] ?? x) : [])])];
    const lastDay = active?.lastDay;
    return {
      requestId: d.requestId,
      requestedBy: req?.developer ?? String((d as { requestedBy?: unknown }).requestedBy ?? ''),
      requestedAt: req ? new Date(req.at).toISOString() : null,
      what: d.what.mcpServer ? `MCP server ${d.what.mcpServer}` : (req?.toolName ?? d.what.tool ?? ''),
      dataClass: d.what.dataClass ?? null,
      reason: d.reason,
      decision: d.status,
      decidedBy: d.approvedBy,
      decidedAt: new Date(d.at).toISOString(),
      scope: d.scope,
      whom: d.scope === 'team' ? `team ${d.who.team ?? ''}` : d.scope === 'repository' ? (d.repositories ?? []).join(', ') : (d.who.developer ?? ''),
      from: d.from,
      until: d.until,
      note: d.note ?? d.conditions?.note ?? null,
      used: usedBy.length > 0,
      usedBy,
      activeDays,
      expiredInUse: approved && end <= ctx.now && (after.length > 0 || (lastDay !== undefined && lastDay > lastInForce)),
      lastSeen,
      lastActive: lastDay === undefined ? null : isoDay(lastDay),
      inRange: (ctx.since === undefined || d.at >= ctx.since) && (ctx.until === undefined || d.at <= ctx.until),
    };
  });
  const strip = ({ inRange: _r, ...row }: ExceptionEvidenceRow & { inRange: boolean }): ExceptionEvidenceRow => row;
  return { rows: all.filter((r) => r.inRange).map(strip), expiredInUse: all.filter((r) => r.expiredInUse).map(strip) };
}

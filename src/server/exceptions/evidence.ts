// The exceptions part of the evidence pack: every decision made in the range with its request, reason,
// approver, scope and days, and whether it was used, that is whether the inventories show the tool (or MCP
// server) with the people it covers while it was in force; and the approved exceptions that expired while
// the tool is still there.
import type { PolicyInfo } from '../report/policyInfo';
import type { RosterEntry } from '../report/roster';
import type { Usage } from '../report/usage';
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
  /** Approved and seen in an inventory of a covered developer while in force. */
  used: boolean;
  /** Approved, past its last day, and the tool still seen after that by a covered developer (present now). */
  expiredInUse: boolean;
  lastSeen: string | null;
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

/** The developers a decision covers: its person, its team's members on the roster, or (repository) the requester. */
function covered(d: DecisionRecord & { requestedBy?: string }, roster: readonly RosterEntry[]): Set<string> {
  if (d.scope === 'team') return new Set(roster.filter((r) => r.team && r.team.toLowerCase() === d.who.team?.toLowerCase()).map((r) => r.developer.toLowerCase()));
  return new Set([(d.who.developer ?? d.requestedBy ?? '').toLowerCase()]);
}

export function exceptionEvidence(
  requests: readonly RequestRecord[],
  decisions: readonly DecisionRecord[],
  usage: readonly Usage[],
  ctx: { policy?: PolicyInfo; roster: readonly RosterEntry[]; since?: number; until?: number; now: number },
): ExceptionEvidence {
  const byId = new Map(requests.map((r) => [r.requestId, r]));
  const all = decisions.map((d): ExceptionEvidenceRow & { inRange: boolean } => {
    const req = byId.get(d.requestId);
    const start = Date.parse(`${d.from}T00:00:00Z`);
    const end = Date.parse(`${d.until}T00:00:00Z`) + DAY;
    const ids = toolIds(d, ctx.policy);
    const people = covered({ ...d, requestedBy: req?.developer }, ctx.roster);
    const seen = d.status === 'approved' ? usage.filter((u) => people.has(u.developer.toLowerCase()) && ids.has(u.tool.toLowerCase())) : [];
    const used = seen.some((u) => Date.parse(u.firstSeen) < end && Date.parse(u.lastSeen) >= start);
    const after = seen.filter((u) => u.present && Date.parse(u.lastSeen) >= end);
    const lastSeen = seen.map((u) => u.lastSeen).sort().pop() ?? null;
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
      used,
      expiredInUse: d.status === 'approved' && end <= ctx.now && after.length > 0,
      lastSeen,
      inRange: (ctx.since === undefined || d.at >= ctx.since) && (ctx.until === undefined || d.at <= ctx.until),
    };
  });
  const strip = ({ inRange: _r, ...row }: ExceptionEvidenceRow & { inRange: boolean }): ExceptionEvidenceRow => row;
  return { rows: all.filter((r) => r.inRange).map(strip), expiredInUse: all.filter((r) => r.expiredInUse).map(strip) };
}

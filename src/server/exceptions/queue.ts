// The review queue: requests grouped per thing asked for (a tool or an MCP server, with its data class),
// each with who asks, how many, their reasons and teams (from the roster), the thing's status and owner in
// the published policy, and the decision when there is one. Groups with open requests come first.
import type { PolicyInfo } from '../report/policyInfo';
import type { RosterEntry } from '../report/roster';
import type { DecisionRecord, RequestRecord } from './records';

export interface QueueItem extends RequestRecord {
  /** The requester's team on the roster. */
  rosterTeam?: string;
  decision?: DecisionRecord;
}

export interface QueueGroup {
  key: string;
  label: string;
  kind: 'tool' | 'mcpServer';
  dataClass?: string;
  /** In the published policy: `approved`, `restricted`, `prohibited`, or `unlisted`. */
  status: string;
  owner?: string;
  requests: QueueItem[];
  open: number;
  requesters: number;
  teams: string[];
}

/** The policy status and owner of a tool (by id or identifier) or an MCP server. */
export function policyStanding(policy: PolicyInfo | undefined, r: Pick<RequestRecord, 'tool' | 'mcpServer'>): { status: string; owner?: string; name?: string } {
  if (r.mcpServer) {
    const s = policy?.mcpServers?.find((m) => m.name.toLowerCase() === r.mcpServer?.toLowerCase());
    return s ? { status: s.status, owner: s.owner } : { status: policy?.mcpUnlisted === 'prohibited' ? 'prohibited' : 'unlisted' };
  }
  const id = (r.tool ?? '').toLowerCase();
  const t = policy?.tools?.find((x) => x.id.toLowerCase() === id || x.identifiers.some((i) => i.toLowerCase() === id));
  return t ? { status: t.status, owner: t.owner, name: t.name } : { status: 'unlisted' };
}

export function buildQueue(requests: readonly RequestRecord[], decisions: readonly DecisionRecord[], roster: readonly RosterEntry[], policy: PolicyInfo | undefined): QueueGroup[] {
  const decided = new Map(decisions.map((d) => [d.requestId, d]));
  const teamOf = new Map(roster.map((r) => [r.developer.toLowerCase(), r.team ?? undefined]));
  const groups = new Map<string, QueueGroup>();
  for (const r of requests) {
    const kind = r.mcpServer ? 'mcpServer' : 'tool';
    const name = (r.mcpServer ?? r.tool ?? '').toLowerCase();
    const key = `${kind}:${name}:${r.dataClass ?? ''}`;
    let g = groups.get(key);
    if (!g) {
      const standing = policyStanding(policy, r);
      const label = r.mcpServer ? `MCP server ${r.mcpServer}` : (standing.name ?? r.toolName ?? r.tool ?? '?');
      g = { key, label, kind, dataClass: r.dataClass, status: standing.status, owner: standing.owner, requests: [], open: 0, requesters: 0, teams: [] };
      groups.set(key, g);
    }
    const decision = decided.get(r.requestId);
    g.requests.push({ ...r, rosterTeam: teamOf.get(r.developer.toLowerCase()), decision });
    if (!decision) g.open++;
  }
  for (const g of groups.values()) {
    g.requesters = new Set(g.requests.map((r) => r.developer.toLowerCase())).size;
    g.teams = [...new Set(g.requests.map((r) => r.rosterTeam ?? r.team).filter((t): t is string => !!t))].sort();
    g.requests.sort((a, b) => Number(!!a.decision) - Number(!!b.decision) || b.at - a.at);
  }
  return [...groups.values()].sort((a, b) => b.open - a.open || b.requests.length - a.requests.length || a.label.localeCompare(b.label));
}

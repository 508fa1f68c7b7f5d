// The policy as it stands for one scope (a developer, their teams, a repository) at one moment: every exception
// in force there folded in as the approval it grants. The exports and the drift report read this policy, so an
// exception approves exactly what it names for exactly whom, and the next evaluation after its end drops it.
// Without a developer, teams or repositories no person, team or repository exception applies: an export for the
// whole organization stays the rest of the policy.
import type { McpServerPolicy, Policy, PolicyException, PolicyTool } from '../policy/types';
import { clearedByException, exceptionWindow, findException, inForceAt, type ExceptionContext, type ExceptionSubject } from './exceptions';

export interface ScopedPolicy {
  policy: Policy;
  /** The exceptions folded in, in policy order. */
  applied: PolicyException[];
  /** Exceptions in force at `now` that this scope does not cover (someone else's, another team's, elsewhere). */
  notApplied: PolicyException[];
}

const lower = (s: string | undefined) => (s ?? '').toLowerCase();

/** A tool entry with the approval and data classes the exceptions in force give it here. */
function scopedTool(t: PolicyTool, policy: Policy, ctx: ExceptionContext, used: Set<PolicyException>): PolicyTool {
  const subject: ExceptionSubject = { tool: { id: t.id, identifiers: t.identifiers } };
  let out = t;
  const approval = t.status !== 'approved' ? findException(policy, subject, ctx) : undefined;
  // The exception's own conditions were checked for this scope; the entry's no longer bind the approval.
  if (approval) {
    used.add(approval);
    out = { ...out, status: 'approved', conditions: undefined };
  }
  const cleared = clearedByException(policy, subject, ctx).exceptions.filter((e) => !out.dataClasses.includes(e.what.dataClass ?? ''));
  cleared.forEach((e) => used.add(e));
  return cleared.length ? { ...out, dataClasses: [...out.dataClasses, ...cleared.map((e) => e.what.dataClass ?? '')] } : out;
}

function scopedServer(s: McpServerPolicy, policy: Policy, ctx: ExceptionContext, used: Set<PolicyException>): McpServerPolicy {
  const subject: ExceptionSubject = { mcpServer: { name: s.name, command: s.command, url: s.url } };
  let out = s;
  const approval = s.status !== 'approved' ? findException(policy, subject, ctx) : undefined;
  if (approval) {
    used.add(approval);
    out = { ...out, status: 'approved', conditions: undefined };
  }
  const have = out.dataClasses ?? [];
  const cleared = clearedByException(policy, subject, ctx).exceptions.filter((e) => !have.includes(e.what.dataClass ?? ''));
  cleared.forEach((e) => used.add(e));
  return cleared.length ? { ...out, dataClasses: [...have, ...cleared.map((e) => e.what.dataClass ?? '')] } : out;
}

/** The policy with the exceptions in force for this scope at `ctx.now` applied (the input is not changed). */
export function policyForScope(policy: Policy, ctx: ExceptionContext): ScopedPolicy {
  const granted = policy.exceptions?.granted ?? [];
  if (!granted.length) return { policy, applied: [], notApplied: [] };
  const used = new Set<PolicyException>();
  const tools = (policy.tools ?? []).map((t) => scopedTool(t, policy, ctx, used));
  const servers = policy.mcp ? policy.mcp.servers.map((s) => scopedServer(s, policy, ctx, used)) : undefined;
  // An approval of a tool or server the policy does not list becomes an entry of its own.
  for (const e of granted) {
    if (used.has(e) || e.what.dataClass) continue;
    const tool = e.what.tool;
    if (tool && !tools.some((t) => lower(t.id) === lower(tool) || t.identifiers.some((i) => lower(i) === lower(tool)))) {
      if (findException(policy, { tool: { identifiers: [tool] } }, ctx) !== e) continue;
      used.add(e);
      tools.push({ id: tool, name: tool, identifiers: [tool], status: 'approved', owner: e.approvedBy, dataClasses: [], notes: `exception ${e.id} until ${e.until}` });
    }
    const server = e.what.mcpServer;
    if (server && servers && !servers.some((s) => lower(s.name) === lower(server))) {
      const config = { name: server, command: e.what.command, url: e.what.url };
      if (findException(policy, { mcpServer: config }, ctx) !== e) continue;
      used.add(e);
      servers.push({ ...config, status: 'approved', owner: e.approvedBy, notes: `exception ${e.id} until ${e.until}` });
    }
  }
  const applied = granted.filter((e) => used.has(e));
  const notApplied = granted.filter((e) => !used.has(e) && inForceAt(e, ctx.now));
  if (!applied.length) return { policy, applied, notApplied };
  const scoped: Policy = { ...policy, tools, ...(policy.mcp && servers ? { mcp: { ...policy.mcp, servers } } : {}) };
  return { policy: scoped, applied, notApplied };
}

/** The next moment after `now` when an exception starts or ends (ms), for re-evaluating then; undefined when none. */
export function nextExceptionChange(policy: Pick<Policy, 'exceptions'> | undefined, now: Date): number | undefined {
  const t = now.getTime();
  const edges = (policy?.exceptions?.granted ?? []).flatMap((e) => {
    const w = exceptionWindow(e);
    return [w.start, w.end].filter((x) => Number.isFinite(x) && x > t);
  });
  return edges.length ? Math.min(...edges) : undefined;
}

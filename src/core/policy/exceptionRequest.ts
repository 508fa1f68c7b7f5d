// A developer's request for an exception, as the editor builds it and records it (`tool.requested`): what is
// asked for, for whom, why and for how long, bounded by the policy's `exceptions.maxDays`. The request is kept
// locally as pending until the policy carries an exception with its id or a declined decision is seen.
import { nodeCrypto } from '../nodeBuiltins';
import type { EventData } from '../audit/eventData';
import { looksLikePath, looksLikeSecret } from '../audit/eventGuard';
import { DEFAULT_EXCEPTION_MAX_DAYS } from './exceptionLint';
import type { ExceptionScope, Policy } from './types';

/** What an exception is asked for: a tool (policy id or extension id) or an MCP server, optionally a data class for it. */
export interface RequestedThing {
  tool?: string;
  toolName?: string;
  mcpServer?: string;
  dataClass?: string;
}

export interface ExceptionRequest {
  requestId: string;
  what: RequestedThing;
  scope: ExceptionScope;
  /** The team asked for (scope `team`). */
  team?: string;
  /** The repository as owner/name (scope `repository`). */
  repository?: string;
  reason: string;
  days: number;
  /** ISO time the request was made. */
  requestedAt: string;
}

/** Longest a reason may be: the wire's text limit. */
export const MAX_REASON = 200;
/** The duration offered first: a month, or the policy's maximum when that is shorter. */
export const DEFAULT_REQUEST_DAYS = 30;

/** The duration offered first and the longest allowed, from the policy. */
export function requestDays(policy: Pick<Policy, 'exceptions'> | undefined): { initial: number; max: number } {
  const max = policy?.exceptions?.maxDays ?? DEFAULT_EXCEPTION_MAX_DAYS;
  return { initial: Math.min(DEFAULT_REQUEST_DAYS, max), max };
}

/** A request id that cannot be guessed (it is also what lets a developer ask after their own request). */
export function newRequestId(now: Date): string {
  return `req-${now.toISOString().slice(0, 10).replace(/-/g, '')}-${nodeCrypto().randomBytes(8).toString('hex')}`;
}

export const REQUEST_ID = /^req-\d{8}-[0-9a-f]{16}$/;

/** Why a reason cannot be sent, or undefined when it can. */
export function reasonProblem(reason: string): string | undefined {
  const r = reason.trim();
  if (!r) return 'Say why you need it.';
  if (r.length > MAX_REASON) return `At most ${MAX_REASON} characters.`;
  if (/[\r\n\t]/.test(r)) return 'One line, please.';
  // The audit guard would drop such a reason rather than send it: say so now.
  if (looksLikePath(r) || looksLikeSecret(r)) return 'Leave out file paths and secret values.';
  return undefined;
}

/** Why a duration in days cannot be asked for, or undefined. */
export function daysProblem(text: string, max: number): string | undefined {
  const n = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || n < 1) return 'A whole number of days, at least 1.';
  if (n > max) return `The policy allows at most ${max} days.`;
  return undefined;
}

/** Everything wrong with a request before it is recorded. */
export function requestProblems(r: ExceptionRequest, maxDays: number): string[] {
  const out: string[] = [];
  if (!r.what.tool && !r.what.mcpServer) out.push('it names neither a tool nor an MCP server');
  if (r.what.tool && r.what.mcpServer) out.push('it names both a tool and an MCP server');
  const reason = reasonProblem(r.reason);
  if (reason) out.push(`reason: ${reason}`);
  const days = daysProblem(String(r.days), maxDays);
  if (days) out.push(`duration: ${days}`);
  if (r.scope === 'team' && !r.team) out.push('scope "team" needs a team');
  if (r.scope === 'repository' && !r.repository) out.push('scope "repository" needs a repository');
  if (!REQUEST_ID.test(r.requestId)) out.push('malformed request id');
  return out;
}

/** The event data recorded for a request: nothing but the request's own fields. */
export function requestEventData(r: ExceptionRequest, enrolled: boolean): EventData<'tool.requested'> {
  return {
    requestId: r.requestId,
    ...(r.what.tool ? { toolId: r.what.tool } : {}),
    ...(r.what.toolName ? { toolName: r.what.toolName } : {}),
    ...(r.what.mcpServer ? { mcpServer: r.what.mcpServer } : {}),
    ...(r.what.dataClass ? { dataClass: r.what.dataClass } : {}),
    scope: r.scope,
    ...(r.scope === 'team' && r.team ? { team: r.team } : {}),
    ...(r.scope === 'repository' && r.repository ? { repository: r.repository } : {}),
    days: r.days,
    identity: enrolled ? 'enrolled' : 'self-declared',
    reason: r.reason.trim(),
  };
}

/** One line naming what is asked for: `tool GitHub Copilot`, `MCP server github, data class pii`. */
export function describeThing(w: RequestedThing): string {
  const thing = w.mcpServer ? `MCP server ${w.mcpServer}` : `tool ${w.toolName ?? w.tool ?? '?'}`;
  return w.dataClass ? `${thing}, cleared for data class ${w.dataClass}` : thing;
}

/** The requests still pending: those the policy carries no exception for and that were not declined. */
export function stillPending<T extends Pick<ExceptionRequest, 'requestId'>>(pending: readonly T[], policy: Pick<Policy, 'exceptions'> | undefined, declined: ReadonlySet<string>): T[] {
  const granted = new Set((policy?.exceptions?.granted ?? []).map((e) => e.requestId).filter((id): id is string => !!id));
  return pending.filter((p) => !granted.has(p.requestId) && !declined.has(p.requestId));
}

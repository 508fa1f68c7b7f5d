// Exception requests (`tool.requested`, sent by editors) and decisions (`exception.decided`, written by the
// server itself for an admin) as read back from the chained log. A decision is taken only from a row the
// server wrote (auth "server"): ingest refuses the type, and this read does not trust it either.
import { randomUUID } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { ExceptionDecision } from '../../core/policy/exceptionDecisions';
import { EXCEPTION_DECIDED, obj, str } from '../store/eventFold';
import type { ChainedRecord } from '../store/types';
import type { CheckedEvent, IncomingEvent } from '../validate';

export const REQUESTED = 'tool.requested';
export { EXCEPTION_DECIDED };

export type Scope = 'person' | 'team' | 'repository';
const scopeOf = (v: unknown): Scope | undefined => (v === 'person' || v === 'team' || v === 'repository' ? v : undefined);

export interface RequestRecord {
  requestId: string;
  developer: string;
  at: number;
  /** Sent with an enrolled token or through the identity proxy (not the shared token). */
  verified: boolean;
  tool?: string;
  toolName?: string;
  mcpServer?: string;
  dataClass?: string;
  scope: Scope;
  team?: string;
  repository?: string;
  days: number;
  reason: string;
}

/** What an admin decides; the rest of a decision comes from the request. */
export interface DecisionInput {
  requestId: string;
  status: 'approved' | 'declined';
  approvedBy: string;
  scope: Scope;
  /** The team (scope `team`) and repository globs (scope `repository`). */
  team?: string;
  repositories?: string[];
  from: string;
  until: string;
  /** Conditions (approved) or why not (declined). */
  note?: string;
}

export interface DecisionRecord extends ExceptionDecision {
  note?: string;
  at: number;
  seq: number;
}

/** The requests in the rows (malformed ones skipped); a request id seen twice keeps its first record. */
export function readRequests(rows: readonly ChainedRecord[]): RequestRecord[] {
  const out = new Map<string, RequestRecord>();
  for (const row of rows) {
    if (row.type !== REQUESTED) continue;
    const e = parse(row);
    const d = obj(e.data);
    const requestId = str(d.requestId);
    const scope = scopeOf(d.scope);
    const tool = str(d.toolId) ?? undefined;
    const mcpServer = str(d.mcpServer) ?? undefined;
    if (!requestId || !scope || (!tool && !mcpServer) || out.has(requestId)) continue;
    out.set(requestId, {
      requestId,
      developer: row.developer,
      at: row.at,
      verified: row.auth === 'enrolled' || row.auth === 'proxy',
      tool,
      toolName: str(d.toolName) ?? undefined,
      mcpServer,
      dataClass: str(d.dataClass) ?? undefined,
      scope,
      team: str(d.team) ?? undefined,
      repository: str(d.repository) ?? undefined,
      days: typeof d.days === 'number' ? d.days : 0,
      reason: str(d.reason) ?? '',
    });
  }
  return [...out.values()];
}

/** The decisions in the rows, only those the server wrote; the latest decision on a request wins. */
export function readDecisions(rows: readonly ChainedRecord[]): DecisionRecord[] {
  const out = new Map<string, DecisionRecord>();
  for (const row of rows) {
    if (row.type !== EXCEPTION_DECIDED || row.auth !== 'server') continue;
    const d = obj(parse(row).data) as unknown as ExceptionDecision & { note?: string };
    if (typeof d.requestId !== 'string') continue;
    out.set(d.requestId, { ...d, at: row.at, seq: row.seq });
  }
  return [...out.values()];
}

function parse(row: ChainedRecord): Record<string, unknown> {
  return obj(JSON.parse(row.body) as unknown);
}

/** The chained record of a decision on a request: the admin is its actor, the request supplies the rest. */
export function decisionRecord(req: RequestRecord, input: DecisionInput, team: string | undefined, now: number): CheckedEvent {
  const what = { ...(req.tool ? { tool: req.tool } : { mcpServer: req.mcpServer }), ...(req.dataClass ? { dataClass: req.dataClass } : {}) };
  const who = input.scope === 'team' ? { team: input.team ?? team } : { developer: req.developer };
  const data = {
    requestId: req.requestId,
    status: input.status,
    decidedAt: new Date(now).toISOString(),
    approvedBy: input.approvedBy,
    requestedBy: req.developer,
    who,
    what,
    scope: input.scope,
    ...(input.scope === 'repository' && input.repositories?.length ? { repositories: input.repositories } : {}),
    ...(input.status === 'approved' && input.note ? { conditions: { note: input.note } } : {}),
    ...(input.status === 'declined' && input.note ? { note: input.note } : {}),
    from: input.from,
    until: input.until,
    // The policy needs a reason; an editor's guard may have dropped one that looked like a path or secret.
    reason: req.reason || '(no reason given)',
  };
  const event = { id: randomUUID(), type: EXCEPTION_DECIDED, time: new Date(now).toISOString(), developer: input.approvedBy, data } as unknown as IncomingEvent;
  return { event, at: now, developer: input.approvedBy, body: canonicalize(event) as string };
}

/** The decision as GET /v1/exceptions returns it (the shape src/core/policy/exceptionDecisions.ts reads). */
export function wireDecision(d: DecisionRecord): ExceptionDecision & { note?: string } {
  const { at: _at, seq: _seq, ...rest } = d;
  return rest;
}

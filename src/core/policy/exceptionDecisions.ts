// The audit server's approved exception decisions (GET /v1/exceptions?status=approved) and the policy
// entries they become. The response is read field by field: only the keys an exception has are taken, so
// a server cannot slip other keys into the policy; the merged policy is then validated as a whole.
import type { PolicyException } from './types';

/** One decision record as the server returns it: `{ "decisions": [ ExceptionDecision, ... ] }`. */
export interface ExceptionDecision {
  /** The request the decision answers; becomes the exception's `requestId` and names its id. */
  requestId: string;
  status: 'approved' | 'declined';
  /** When and by whom it was decided (ISO time; the approver as the server knows them). */
  decidedAt?: string;
  approvedBy: string;
  who: PolicyException['who'];
  what: PolicyException['what'];
  scope: PolicyException['scope'];
  repositories?: string[];
  conditions?: PolicyException['conditions'];
  from: string;
  until: string;
  reason: string;
}

type Obj = Record<string, unknown>;
const obj = (x: unknown): Obj | undefined => (x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Obj) : undefined);
const str = (x: unknown): string | undefined => (typeof x === 'string' && x.trim() ? x : undefined);
const strings = (x: unknown): string[] | undefined => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : undefined);

/** Only the named string fields of an object, or undefined when none is present. */
function pick(x: unknown, keys: readonly string[]): Record<string, string> | undefined {
  const o = obj(x);
  if (!o) return undefined;
  const out = Object.fromEntries(keys.map((k) => [k, str(o[k])]).filter(([, v]) => v !== undefined)) as Record<string, string>;
  return Object.keys(out).length ? out : undefined;
}

/** The approved decisions in a response body, and a line per record that was skipped and why. */
export function parseDecisions(body: unknown): { decisions: ExceptionDecision[]; skipped: string[] } {
  const list = obj(body)?.decisions;
  if (!Array.isArray(list)) throw new Error('the response has no "decisions" list');
  const decisions: ExceptionDecision[] = [];
  const skipped: string[] = [];
  list.forEach((raw, i) => {
    const r = obj(raw) ?? {};
    const requestId = str(r.requestId);
    const label = requestId ? `request ${requestId}` : `decision ${i}`;
    if (r.status !== 'approved') return void skipped.push(`${label}: not approved (${String(r.status)})`);
    const who = pick(r.who, ['developer', 'team']);
    const what = pick(r.what, ['tool', 'mcpServer', 'command', 'url', 'dataClass']);
    const scope = r.scope === 'person' || r.scope === 'team' || r.scope === 'repository' ? r.scope : undefined;
    const fields = { requestId, approvedBy: str(r.approvedBy), who, what, scope, from: str(r.from), until: str(r.until), reason: str(r.reason) };
    const missing = Object.entries(fields).filter(([, v]) => v === undefined).map(([k]) => k);
    if (missing.length) return void skipped.push(`${label}: missing or malformed ${missing.join(', ')}`);
    const conditions = pick(r.conditions, ['note']);
    const workspaces = strings(obj(r.conditions)?.workspaces);
    const repositories = strings(r.repositories);
    decisions.push({
      ...(fields as Omit<ExceptionDecision, 'status' | 'decidedAt' | 'repositories' | 'conditions'>),
      status: 'approved',
      decidedAt: str(r.decidedAt),
      ...(repositories?.length ? { repositories } : {}),
      ...(conditions || workspaces?.length ? { conditions: { ...conditions, ...(workspaces?.length ? { workspaces } : {}) } } : {}),
    });
  });
  return { decisions, skipped };
}

/** `req-7F3A/b` → `exc-req-7f3a-b`: an id the schema accepts, stable for the same request. */
export function exceptionIdFor(requestId: string): string {
  const slug = requestId.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return `exc-${slug || 'request'}`;
}

/** The policy entry for an approved decision, keys in the order the guide shows them. */
export function decisionToException(d: ExceptionDecision): PolicyException {
  return {
    id: exceptionIdFor(d.requestId),
    requestId: d.requestId,
    who: d.who,
    what: d.what,
    scope: d.scope,
    ...(d.repositories ? { repositories: d.repositories } : {}),
    ...(d.conditions ? { conditions: d.conditions } : {}),
    from: d.from,
    until: d.until,
    reason: d.reason,
    approvedBy: d.approvedBy,
  };
}

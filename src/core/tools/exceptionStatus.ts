// Applies the policy's exceptions in force to a status the rest of the policy gave a tool or MCP server:
// an exception for the thing itself approves it here (for its scope only), one for a data class adds that
// class to its clearance. When the exception ends, the next evaluation no longer finds it.
import type { Policy, PolicyException } from '../policy/types';
import type { ConditionContext } from './conditions';
import { clearedByException, exceptionReason, findException, type ExceptionSubject } from './exceptions';

interface Judged {
  status: string;
  dataClasses: string[];
  reasons: string[];
  exceptions?: PolicyException[];
}

export interface ExceptionInput {
  tool?: { id?: string; identifiers: string[] };
  mcpServer?: { name: string; command?: string; args?: string[]; url?: string };
  policy: Policy | undefined;
  ctx: ConditionContext;
}

export function withExceptions<T extends Judged>(result: T, input: ExceptionInput): T {
  const { policy } = input;
  if (!policy?.exceptions?.granted?.length) return result;
  const ctx = { ...input.ctx, now: input.ctx.now ?? new Date() };
  const subject: ExceptionSubject | undefined = input.tool ? { tool: input.tool } : input.mcpServer ? { mcpServer: input.mcpServer } : undefined;
  if (!subject) return result;
  const applied: PolicyException[] = [];
  let out: T = result;
  if (result.status !== 'approved' && result.status !== 'not-ai') {
    const e = findException(policy, subject, ctx);
    if (e) {
      applied.push(e);
      out = { ...out, status: 'approved', reasons: [exceptionReason(e), ...result.reasons.map((r) => `without it: ${r}`)] };
    }
  }
  const cleared = clearedByException(policy, subject, ctx);
  const added = cleared.exceptions.filter((e) => !out.dataClasses.includes(e.what.dataClass ?? ''));
  if (added.length) {
    applied.push(...added);
    out = { ...out, dataClasses: [...out.dataClasses, ...added.map((e) => e.what.dataClass ?? '')], reasons: [...out.reasons, ...added.map(exceptionReason)] };
  }
  return applied.length ? { ...out, exceptions: applied } : out;
}

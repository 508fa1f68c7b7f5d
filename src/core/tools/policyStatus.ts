// Where a tool stands under the policy: approved, restricted (conditions not met here), prohibited or unlisted.
import type { Policy, PolicyException, PolicyTool } from '../policy/types';
import { evaluateConditions, type ConditionContext } from './conditions';
import { withExceptions } from './exceptionStatus';

export type { ConditionContext } from './conditions';
export type InventoryStatus = 'approved' | 'restricted' | 'prohibited' | 'unlisted';

export interface StatusResult {
  status: InventoryStatus | 'not-ai';
  tool?: PolicyTool;
  owner?: string;
  dataClasses: string[];
  /** Condition summary for display (workspaces, repositories, expiry, note). */
  conditions: string[];
  requestAccess?: string;
  reasons: string[];
  /** Exceptions in force that approve the tool or clear data classes for it here. */
  exceptions?: PolicyException[];
}

/** The policy entry naming any of these identifiers (case-insensitive). */
export function findPolicyTool(policy: Policy | undefined, identifiers: string[]): PolicyTool | undefined {
  const wanted = new Set(identifiers.map((i) => i.toLowerCase()));
  return policy?.tools?.find((t) => t.identifiers?.some((i) => wanted.has(i.toLowerCase())));
}

export function policyStatus(identifiers: string[], policy: Policy | undefined, ctx: ConditionContext): StatusResult {
  const result = listedStatus(identifiers, policy, ctx);
  return withExceptions(result, { tool: { id: result.tool?.id, identifiers }, policy, ctx });
}

function listedStatus(identifiers: string[], policy: Policy | undefined, ctx: ConditionContext): StatusResult {
  if (!policy) return { status: 'unlisted', dataClasses: [], conditions: [], reasons: ['no policy is in force'] };
  const tool = findPolicyTool(policy, identifiers);
  if (!tool) return { status: 'unlisted', dataClasses: [], conditions: [], reasons: ['not listed in the policy'] };
  const base = { tool, owner: tool.owner, dataClasses: tool.dataClasses ?? [], requestAccess: tool.requestAccess };
  if (tool.status === 'prohibited') {
    return { ...base, status: 'prohibited', conditions: [], reasons: [`prohibited by the policy (entry "${tool.id}")`] };
  }
  const cond = evaluateConditions(tool.conditions, ctx);
  if (!cond.met) return { ...base, status: 'restricted', conditions: cond.summary, reasons: cond.unmet };
  const how = tool.status === 'restricted' || cond.summary.length ? 'approved under conditions that hold here' : 'approved by the policy';
  return { ...base, status: 'approved', conditions: cond.summary, reasons: [`${how} (entry "${tool.id}")`] };
}

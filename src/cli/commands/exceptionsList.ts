// The lines of `ai-policy exceptions list`: each exception with its end date and where it stands at `now`.
import type { Policy, PolicyException } from '../../core/policy/types';
import { exceptionState, type ExceptionState } from '../../core/tools/exceptions';

const LABEL: Record<ExceptionState, string> = {
  pending: 'not yet in force',
  'in-force': 'in force',
  expiring: 'expiring within 30 days',
  expired: 'expired',
};

function subject(e: PolicyException): string {
  const thing = e.what.tool ? `tool ${e.what.tool}` : `MCP server ${e.what.mcpServer ?? '?'}`;
  return e.what.dataClass ? `${e.what.dataClass} data for ${thing}` : thing;
}

function whom(e: PolicyException): string {
  if (e.scope === 'person') return `developer ${e.who.developer ?? '?'}`;
  if (e.scope === 'team') return `team ${e.who.team ?? '?'}`;
  return `repositories ${(e.repositories ?? []).join(', ')}`;
}

/** `MCP server jira for developer jane@example.com until 2026-12-31`. */
export function describeException(e: PolicyException): string {
  return `${subject(e)} for ${whom(e)} until ${e.until}`;
}

/** One line per exception, soonest end first: `until  state  id: what for whom (approved by …)`. */
export function exceptionLines(policy: Pick<Policy, 'exceptions'>, now: Date): string[] {
  const granted = [...(policy.exceptions?.granted ?? [])].sort((a, b) => a.until.localeCompare(b.until));
  return granted.map((e) => {
    const state = LABEL[exceptionState(e, now, 30)];
    const request = e.requestId ? `, request ${e.requestId}` : '';
    return `${e.until}  ${state.padEnd(23)}  ${e.id}: ${subject(e)} for ${whom(e)} from ${e.from} (approved by ${e.approvedBy}${request})`;
  });
}

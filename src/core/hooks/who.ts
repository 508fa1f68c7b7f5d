// Who runs the agent, as the hook knows them: the developer id exactly as the audit events carry it (the
// policy's identity: git e-mail, OS user or the managed developerId, pseudonymized with the policy's key) and
// the teams of the managed configuration. Looked up only when an exception for a person or a team that concerns
// this call is in force (one for the agent itself, or for an MCP server on an MCP call), since the git lookup
// costs a process on a call that otherwise needs none.
import os = require('node:os');
import { resolveDeveloper } from '../audit/identity';
import { managedTeams, type ManagedConfig } from '../managed/managedConfig';
import type { Policy, PolicyException } from '../policy/types';
import { inForceAt } from '../tools/exceptions';
import { findPolicyTool } from '../tools/policyStatus';
import { HARNESS_IDENTIFIERS } from './denials';
import type { HookRequest } from './request';

export interface Who {
  developer?: string;
  teams?: string[];
}

/** The hook answers within a second: a git that has not answered by then leaves the developer unknown. */
const GIT_TIMEOUT_MS = 400;

/** Whether the exception can change this call's verdict: it names the agent, or an MCP server on an MCP call. */
function concerns(e: PolicyException, req: Pick<HookRequest, 'harness' | 'mcp'>, policy: Policy): boolean {
  if (e.what.mcpServer) return !!req.mcp;
  const wanted = e.what.tool?.toLowerCase();
  if (!wanted) return false;
  const ids = [...HARNESS_IDENTIFIERS[req.harness]];
  return ids.some((i) => i.toLowerCase() === wanted) || findPolicyTool(policy, ids)?.id.toLowerCase() === wanted;
}

export async function hookWho(policy: Policy, managed: ManagedConfig | undefined, now: Date, req: Pick<HookRequest, 'harness' | 'mcp'>): Promise<Who> {
  const inForce = (policy.exceptions?.granted ?? []).filter((e) => inForceAt(e, now) && concerns(e, req, policy));
  const who: Who = {};
  if (inForce.some((e) => e.scope === 'team' || e.who.team)) who.teams = managedTeams(managed);
  if (inForce.some((e) => e.who.developer)) {
    const audit = policy.audit;
    const id = await resolveDeveloper({ mode: audit?.identity ?? 'git-email', explicitId: managed?.developerId, hmacKey: audit?.pseudonymize?.hmacKey, cwd: os.homedir(), gitTimeoutMs: GIT_TIMEOUT_MS });
    who.developer = id.developer;
  }
  return who;
}

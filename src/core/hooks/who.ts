// Who runs the agent, as the hook knows them: the developer id exactly as the audit events carry it (the
// policy's identity: git e-mail, OS user or the managed developerId, pseudonymized with the policy's key) and
// the teams of the managed configuration. Looked up only when an exception for a person or a team is in force,
// since the git lookup costs a process on a call that otherwise needs none.
import os = require('node:os');
import { resolveDeveloper } from '../audit/identity';
import { managedTeams, type ManagedConfig } from '../managed/managedConfig';
import type { Policy } from '../policy/types';
import { inForceAt } from '../tools/exceptions';

export interface Who {
  developer?: string;
  teams?: string[];
}

/** The hook answers within a second: a git that has not answered by then leaves the developer unknown. */
const GIT_TIMEOUT_MS = 400;

export async function hookWho(policy: Policy, managed: ManagedConfig | undefined, now: Date): Promise<Who> {
  const inForce = (policy.exceptions?.granted ?? []).filter((e) => inForceAt(e, now));
  const who: Who = {};
  if (inForce.some((e) => e.scope === 'team' || e.who.team)) who.teams = managedTeams(managed);
  if (inForce.some((e) => e.who.developer)) {
    const audit = policy.audit;
    const id = await resolveDeveloper({ mode: audit?.identity ?? 'git-email', explicitId: managed?.developerId, hmacKey: audit?.pseudonymize?.hmacKey, cwd: os.homedir(), gitTimeoutMs: GIT_TIMEOUT_MS });
    who.developer = id.developer;
  }
  return who;
}

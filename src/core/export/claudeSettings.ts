// Claude Code settings from the policy: `permissions.deny` Read rules for the files that are secrets by name,
// the Bash sandbox that keeps every command (compiled programs included) from reading them, and, in the managed
// settings, the policy hook and the telemetry that points at the audit server. The setting names follow Claude
// Code's documented settings (permissions, sandbox, env, hooks) as we know them; docs/enforcement.md lists them.
import { withPolicyHooks } from '../hooks/harnesses';
import type { Policy } from '../policy/types';
import { pathDenials } from './pathDenials';
import { claudeTelemetryEnv, otlpBaseUrl } from './telemetry';

/**
 * The paths in Claude Code's rule syntax: `./x` relative to the working folder, `~/x` in the home folder.
 * A gitignore name without a slash matches at any depth, so it is written at the root and under `**`.
 */
export function claudePaths(policy?: Policy): string[] {
  const { workspace, home } = pathDenials(policy);
  const out: string[] = [];
  for (const g of workspace) {
    const rel = g.replace(/^\//, '');
    if (g.startsWith('/') || rel.startsWith('**/')) out.push(`./${rel}`);
    else out.push(`./${rel}`, `./**/${rel}`);
  }
  return [...new Set([...out, ...home])];
}

/** Claude Code settings (`.claude/settings.json`) with a `Read(path)` denial for each file that is a secret by name. */
export function claudeSettings(policy: Policy): { permissions: { deny: string[] } } {
  return { permissions: { deny: claudePaths(policy).map((p) => `Read(${p})`) } };
}

export interface ClaudeSandbox {
  enabled: true;
  /** Refuse to run Bash at all where the OS sandbox cannot start, rather than run it unsandboxed. */
  failIfUnavailable: true;
  /** No "retry outside the sandbox" escape for a command the sandbox stopped. */
  allowUnsandboxedCommands: false;
  filesystem: { denyRead: string[] };
}

/** The Bash sandbox: the OS stops any process the agent starts from reading the files, whatever the program. */
export function claudeSandbox(policy: Policy): ClaudeSandbox {
  return { enabled: true, failIfUnavailable: true, allowUnsandboxedCommands: false, filesystem: { denyRead: claudePaths(policy) } };
}

export interface ClaudeManagedOptions {
  /** The command that runs the policy hook. */
  hookCommand: string;
  /** The audit server's URL when it is not the policy's `audit.endpoint`. */
  auditEndpoint?: string;
}

/**
 * Claude Code `managed-settings.json`: the Read denials, the Bash sandbox, the telemetry `env` block (when an audit
 * endpoint is configured) and the policy hook on every event it runs on.
 */
export function claudeManagedSettings(policy: Policy, opts: ClaudeManagedOptions): Record<string, unknown> {
  const base = otlpBaseUrl(policy, opts.auditEndpoint);
  const settings: Record<string, unknown> = { ...claudeSettings(policy), sandbox: claudeSandbox(policy) };
  if (base) settings.env = claudeTelemetryEnv(base);
  return withPolicyHooks('claude', settings, opts.hookCommand);
}

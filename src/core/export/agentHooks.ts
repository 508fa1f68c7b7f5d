// Hook configurations for agents, deployed by the organization: Claude Code managed settings (permission
// rules and the policy hook), GitHub Copilot's hooks file and Cursor's hooks.json. The entries are the same
// ones `ai-policy hooks install` writes (src/core/hooks/harnesses.ts).
import { hookCommand, withPolicyHooks } from '../hooks/harnesses';
import type { Harness } from '../hooks/request';
import type { Policy } from '../policy/types';
import { claudeManagedSettings as managedSettings } from './claudeSettings';

export interface HookCommandOptions {
  /** The program that runs the hook bundle; without it the installed `ai-policy` command runs the hook. */
  runtime?: string;
  hookScript?: string;
  /** The runtime is the editor's (Electron): the command sets ELECTRON_RUN_AS_NODE=1. */
  electron?: boolean;
}

/** The command an agent runs for the policy hook. */
export function exportHookCommand(harness: Harness, opts: HookCommandOptions = {}): string {
  if (opts.runtime && opts.hookScript) return hookCommand(harness, opts.runtime, opts.hookScript, Boolean(opts.electron));
  return `ai-policy hook --harness ${harness}`;
}

/** Claude Code `managed-settings.json`: Read denials, the Bash sandbox, telemetry and the policy hook. */
export function claudeManagedSettings(policy: Policy, opts: HookCommandOptions & { auditEndpoint?: string } = {}): Record<string, unknown> {
  return managedSettings(policy, { hookCommand: exportHookCommand('claude', opts), auditEndpoint: opts.auditEndpoint });
}

/** A GitHub Copilot hooks file (`.github/hooks/*.json`, version 1) that runs the policy hook. */
export function copilotHooks(opts: HookCommandOptions = {}): Record<string, unknown> {
  return withPolicyHooks('copilot', { version: 1 }, exportHookCommand('copilot', opts));
}

/** Cursor's `hooks.json` (version 1) that runs the policy hook. */
export function cursorHooks(opts: HookCommandOptions = {}): Record<string, unknown> {
  return withPolicyHooks('cursor', { version: 1 }, exportHookCommand('cursor', opts));
}

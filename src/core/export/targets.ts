// `ai-policy export --target T`: the one entry point from a target name to the exported text.
import type { Policy } from '../policy/types';
import { claudeManagedSettings, copilotHooks, cursorHooks, type HookCommandOptions } from './agentHooks';
import { editorContextSettings } from '../enforcement/editorContext';
import { claudeSettings } from './claudeSettings';
import { codexConfigToml } from './codexConfig';
import { copilotContentExclusion, vscodeAllowedExtensions } from './enforcement';
import { IGNORE_TARGETS, ignoreFile } from './ignoreFiles';
import { vscodeMobileconfig, vscodePolicyJson, vscodeReg } from './vscodePolicy';

export const EXPORT_TARGETS = [
  'vscode-allowed-extensions',
  'vscode-policy-json',
  'vscode-mobileconfig',
  'vscode-reg',
  'vscode-settings',
  'copilot-content-exclusion',
  'claude-settings',
  'claude-managed-settings',
  'copilot-hooks',
  'cursor-hooks',
  'codex-config',
  ...Object.keys(IGNORE_TARGETS),
];

export type ExportOptions = { blockUnlisted?: boolean; auditEndpoint?: string } & HookCommandOptions;

const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';

export function exportTarget(target: string, policy: Policy, opts: ExportOptions = {}): string {
  switch (target) {
    case 'vscode-allowed-extensions':
      return json(vscodeAllowedExtensions(policy, opts));
    case 'vscode-policy-json':
      return vscodePolicyJson(policy, opts);
    case 'vscode-mobileconfig':
      return vscodeMobileconfig(policy, opts);
    case 'vscode-reg':
      return vscodeReg(policy, opts);
    case 'vscode-settings':
      return json(editorContextSettings(policy));
    case 'copilot-content-exclusion':
      return copilotContentExclusion(policy);
    case 'claude-settings':
      return json(claudeSettings(policy));
    case 'claude-managed-settings':
      return json(claudeManagedSettings(policy, opts));
    case 'copilot-hooks':
      return json(copilotHooks(opts));
    case 'cursor-hooks':
      return json(cursorHooks(opts));
    case 'codex-config':
      return codexConfigToml(policy, opts);
    default:
      if (IGNORE_TARGETS[target]) return ignoreFile(target, policy);
      throw new Error(`unknown target "${target}"; one of: ${EXPORT_TARGETS.join(', ')}`);
  }
}

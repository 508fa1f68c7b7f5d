// `ai-policy export --target T`: the one entry point from a target name to the exported text.
import type { Policy } from '../policy/types';
import { claudeSettings, copilotContentExclusion, vscodeAllowedExtensions } from './enforcement';
import { IGNORE_TARGETS, ignoreFile } from './ignoreFiles';

export const EXPORT_TARGETS = ['vscode-allowed-extensions', 'copilot-content-exclusion', 'claude-settings', ...Object.keys(IGNORE_TARGETS)];

export function exportTarget(target: string, policy: Policy, opts: { blockUnlisted?: boolean } = {}): string {
  switch (target) {
    case 'vscode-allowed-extensions':
      return JSON.stringify(vscodeAllowedExtensions(policy, opts), null, 2) + '\n';
    case 'copilot-content-exclusion':
      return copilotContentExclusion(policy);
    case 'claude-settings':
      return JSON.stringify(claudeSettings(policy), null, 2) + '\n';
    default:
      if (IGNORE_TARGETS[target]) return ignoreFile(target, policy);
      throw new Error(`unknown target "${target}"; one of: ${EXPORT_TARGETS.join(', ')}`);
  }
}

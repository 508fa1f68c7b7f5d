// Builds the scanner from the policy in force: its data rules, allowlist and the organization's custom rules
// (the gitleaks config it names), read by the one loader the CLI and the agent hook use.
import type vscode = require('vscode');
import type { LoadedPolicy } from '../../core/policy/types';
import { scanning } from '../../core/lazyModules';
import type { Scanner } from '../../core/scan/scanner';

export async function scannerFor(loaded: LoadedPolicy | undefined, log: vscode.LogOutputChannel): Promise<Scanner> {
  // The scanner's code is loaded here, the first time a document needs scanning.
  const { Scanner, loadCustomRules } = scanning();
  if (!loaded) return new Scanner();
  const custom = await loadCustomRules(loaded.policy.dataHandling, loaded.source);
  // A custom rules file that cannot be used is reported; scanning goes on with the built-in and policy rules.
  for (const p of custom.problems) log.error(`scan: ${p}`);
  const scanner = new Scanner({ dataHandling: loaded.policy.dataHandling, gitleaks: custom.gitleaks });
  for (const p of scanner.problems) log.warn(`scan: rule ${p.ruleId}: ${p.message}`);
  return scanner;
}

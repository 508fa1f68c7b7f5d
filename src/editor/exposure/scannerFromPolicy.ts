// Builds the scanner from the policy in force: its data rules, allowlist and referenced gitleaks config.
import { promises as fs } from 'node:fs';
import path = require('node:path');
import type vscode = require('vscode');
import type { LoadedPolicy } from '../../core/policy/types';
import { scanning } from '../../core/lazyModules';
import type { GitleaksConfig } from '../../core/scan/gitleaks';
import type { Scanner } from '../../core/scan/scanner';

/**
 * The gitleaks config is read only when the policy comes from a local file and names it by a relative
 * path (the policy source is a machine setting, so this is not workspace-supplied).
 */
async function gitleaksFor(loaded: LoadedPolicy, log: vscode.LogOutputChannel): Promise<GitleaksConfig | undefined> {
  const ref = loaded.policy.dataHandling?.gitleaksConfig;
  if (!ref) return undefined;
  if (/^https?:/i.test(ref) || /^https?:/i.test(loaded.source)) {
    log.warn(`scan: gitleaks config ${ref} is not read (only local policies can reference a local gitleaks config)`);
    return undefined;
  }
  const file = path.resolve(path.dirname(loaded.source), ref);
  try {
    return scanning().loadGitleaksConfig(await fs.readFile(file, 'utf8'));
  } catch (e) {
    log.error(`scan: gitleaks config ${file}: ${(e as Error).message}`);
    return undefined;
  }
}

export async function scannerFor(loaded: LoadedPolicy | undefined, log: vscode.LogOutputChannel): Promise<Scanner> {
  // The scanner's code is loaded here, the first time a document needs scanning.
  const { Scanner } = scanning();
  if (!loaded) return new Scanner();
  const gitleaks = await gitleaksFor(loaded, log);
  const scanner = new Scanner({ dataHandling: loaded.policy.dataHandling, gitleaks });
  for (const p of scanner.problems) log.warn(`scan: rule ${p.ruleId}: ${p.message}`);
  return scanner;
}

// Exports that configure other tools from the policy: VS Code's extensions.allowed, Copilot content
// exclusion (Claude Code's settings are in claudeSettings.ts).
import { yaml } from '../lazyModules';
import type { Policy } from '../policy/types';
import { BUILTIN_CATALOG } from '../tools/catalog';
import { toCopilotPath } from './globs';
import { sensitivePathsInForce } from './sensitivePaths';

const EXTENSION_ID = /^[a-z0-9][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$/i;
/** Identifiers that are not marketplace extensions (`vscode.chat`, `cli:aider`, `mcp:…`). */
const isExtensionId = (id: string) => EXTENSION_ID.test(id) && !id.toLowerCase().startsWith('vscode.');

/**
 * The value of VS Code's `extensions.allowed`. Approved tools → `true` (or their `versions` list when the policy
 * entry has one); restricted tools → `true` as well, because their conditions (workspace, repository, expiry) can only
 * be checked per workspace, which this extension does; prohibited tools → `false`. `"*": true` keeps every other
 * extension installable; with `blockUnlisted`, catalogued AI assistants that the policy does not list are `false` too.
 */
export function vscodeAllowedExtensions(policy: Policy, opts: { blockUnlisted?: boolean } = {}): Record<string, boolean | string | string[]> {
  const out: Record<string, boolean | string | string[]> = { '*': true };
  const listed = new Set<string>();
  for (const t of policy.tools ?? []) {
    const versions = (t as { versions?: unknown }).versions;
    for (const id of t.identifiers.filter(isExtensionId)) {
      const key = id.toLowerCase();
      listed.add(key);
      if (t.status === 'prohibited') out[key] = false;
      else if (out[key] !== false) out[key] = Array.isArray(versions) && versions.length ? versions.map(String) : true;
    }
  }
  if (opts.blockUnlisted) {
    for (const e of BUILTIN_CATALOG) if (!listed.has(e.id.toLowerCase())) out[e.id.toLowerCase()] = false;
    for (const e of policy.catalog ?? []) if (!listed.has(e.id.toLowerCase())) out[e.id.toLowerCase()] = false;
  }
  return out;
}

/** The YAML path list for a repository's GitHub Copilot content exclusion settings. */
export function copilotContentExclusion(policy: Policy): string {
  const { paths } = sensitivePathsInForce(policy);
  const list = [...new Set(paths.flatMap((p) => toCopilotPath(p.glob)))];
  const head = `# GitHub Copilot content exclusion (repository settings > Copilot > Content exclusion), from ${policy.organization} AI tool policy v${policy.version}.\n`;
  return head + yaml().stringify(list, { defaultStringType: 'QUOTE_DOUBLE', lineWidth: 0 });
}

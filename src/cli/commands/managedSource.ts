// The policy file the organization's managed configuration names, for CLI commands run without --policy.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { managedConfigPath, readManagedConfig } from '../../core/managed/managedConfig';

/**
 * The managed policy source as a local file: undefined when there is no managed source, an error when the
 * managed file is unusable or its source is a URL (the CLI reads files; pass --policy with a downloaded copy).
 */
export function managedPolicyFile(managedPath: string = managedConfigPath()): string | undefined | { error: string } {
  const r = readManagedConfig(managedPath);
  if (r.error) return { error: `managed configuration: ${r.error}` };
  const src = r.config?.policySource;
  if (!src) return undefined;
  if (src.startsWith('file://')) return fileURLToPath(src);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(src)) return { error: `the managed policy source ${src} is a URL; pass --policy FILE with a copy of it` };
  return path.resolve(src);
}

/** Whether a runtime is an editor's own (Electron) rather than Node: it then runs scripts with ELECTRON_RUN_AS_NODE=1. */
export function isEditorRuntime(runtime: string): boolean {
  return /electron|code|cursor|windsurf/i.test(path.basename(runtime)) && !/node(\.exe)?$/i.test(runtime);
}

// The AI tool catalog: the built-in list (catalog.json) plus the policy's own entries.
import type { Policy } from '../policy/types';
import data from './catalog.json';

export type CatalogKind = 'assistant' | 'agent' | 'completion' | 'chat';

export interface CatalogEntry {
  id: string;
  name: string;
  vendor?: string;
  kind: CatalogKind | string;
  /** The ignore file the tool honours, e.g. `.continueignore`. */
  ignoreFile?: string;
  /** An export target that configures the tool, e.g. `claude-settings`. */
  exportTarget?: string;
  /** Where the entry came from. */
  source: 'built-in' | 'policy';
}

export interface Catalog {
  /** Look an extension id up, case-insensitively. */
  get(id: string): CatalogEntry | undefined;
  /** Ids known not to be AI tools (this extension itself). */
  isNotAi(id: string): boolean;
  readonly entries: readonly CatalogEntry[];
}

export const BUILTIN_CATALOG: readonly CatalogEntry[] = data.tools.map((t) => ({ ...t, source: 'built-in' as const }));

/** Builds the catalog in force: the built-in entries, extended (and overridden by id) by `policy.catalog`. */
export function buildCatalog(policy?: Pick<Policy, 'catalog'>): Catalog {
  const byId = new Map<string, CatalogEntry>();
  for (const e of BUILTIN_CATALOG) byId.set(e.id.toLowerCase(), e);
  for (const e of policy?.catalog ?? []) {
    if (!e?.id) continue;
    const prior = byId.get(e.id.toLowerCase());
    byId.set(e.id.toLowerCase(), { ...prior, id: e.id, name: e.name, kind: e.kind ?? prior?.kind ?? 'assistant', source: 'policy' });
  }
  const notAi = new Set(data.notAi.map((s) => s.toLowerCase()));
  return {
    get: (id) => byId.get(id.toLowerCase()),
    isNotAi: (id) => notAi.has(id.toLowerCase()),
    entries: [...byId.values()],
  };
}

/** The ignore file an editor itself honours (Cursor: `.cursorignore`), by `vscode.env.appName`. */
export function editorIgnoreFile(appName: string): string | undefined {
  return data.editors.find((e) => appName.toLowerCase().includes(e.appName.toLowerCase()))?.ignoreFile;
}

// Reads an extension's package.json and resolves its %placeholders% from package.nls.json.
import { promises as fs } from 'node:fs';
import path = require('node:path');
import { parseJson } from './jsonc';

/** The fields of an extension manifest that classification looks at. */
export interface ExtensionManifest {
  publisher: string;
  name: string;
  version?: string;
  displayName?: string;
  description?: string;
  categories?: string[];
  keywords?: string[];
  contributes?: Record<string, unknown>;
  extensionDependencies?: string[];
}

export function extensionId(m: Pick<ExtensionManifest, 'publisher' | 'name'>): string {
  return `${m.publisher}.${m.name}`;
}

/** Replaces a whole-string `%key%` with its localized value; leaves anything else as is. */
export function localize(value: unknown, nls: Record<string, unknown>): unknown {
  if (typeof value !== 'string') return value;
  const m = /^%([^%]+)%$/.exec(value.trim());
  if (!m) return value;
  const v = nls[m[1]];
  if (typeof v === 'string') return v;
  // package.nls.json entries may be { message, comment } objects.
  if (v && typeof v === 'object' && typeof (v as { message?: unknown }).message === 'string') return (v as { message: string }).message;
  return value;
}

/** Normalizes raw package.json content (already parsed) into a manifest, resolving placeholders. */
export function toManifest(raw: Record<string, unknown>, nls: Record<string, unknown> = {}): ExtensionManifest {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);
  const publisher = str(raw.publisher);
  const name = str(raw.name);
  if (!publisher || !name) throw new Error('package.json has no "publisher" or "name"');
  return {
    publisher,
    name,
    version: str(raw.version),
    displayName: str(localize(raw.displayName, nls)),
    description: str(localize(raw.description, nls)),
    categories: list(raw.categories),
    keywords: list(raw.keywords),
    contributes: raw.contributes && typeof raw.contributes === 'object' ? (raw.contributes as Record<string, unknown>) : undefined,
    extensionDependencies: list(raw.extensionDependencies),
  };
}

/** Reads `<dir>/package.json` (and `package.nls.json` when present). Throws with the path on failure. */
export async function readManifest(dir: string): Promise<ExtensionManifest> {
  const file = path.join(dir, 'package.json');
  const text = await fs.readFile(file, 'utf8');
  let parsed: unknown;
  try {
    parsed = parseJson(text);
  } catch (e) {
    throw new Error(`${file}:${e instanceof Error ? e.message : String(e)}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${file}: package.json is not a JSON object`);
  const raw = parsed as Record<string, unknown>;
  let nls: Record<string, unknown> = {};
  try {
    nls = parseJson(await fs.readFile(path.join(dir, 'package.nls.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    // No localization file: placeholders stay as they are.
  }
  try {
    return toManifest(raw, nls);
  } catch (e) {
    throw new Error(`${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

// The installed extensions of the user's editors, read from their extension folders, for the CLI census.
import fs = require('node:fs/promises');
import os = require('node:os');
import path = require('node:path');
import { extensionId, readManifest, type ExtensionManifest } from './manifest';

/** The extension folders of VS Code, its server and VS Code-based editors, under the given home folder. */
export function defaultExtensionDirs(home = os.homedir()): string[] {
  return ['.vscode', '.vscode-insiders', '.vscode-server', '.vscode-server-insiders', '.vscode-oss', '.cursor', '.windsurf', '.vscodium', '.positron']
    .map((d) => path.join(home, d, 'extensions'));
}

export interface InstalledExtension {
  manifest: ExtensionManifest;
  dir: string;
}

export interface CensusRead {
  extensions: InstalledExtension[];
  /** Folders that could not be read, with why. */
  problems: string[];
  /** Extension folders actually read. */
  dirs: string[];
}

/** Compares dotted versions numerically (pre-release tags sort before the release). */
export function compareVersions(a = '0', b = '0'): number {
  const [ma, pa] = a.split('-', 2);
  const [mb, pb] = b.split('-', 2);
  const xa = ma.split('.').map((x) => parseInt(x, 10) || 0);
  const xb = mb.split('.').map((x) => parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(xa.length, xb.length); i++) {
    const d = (xa[i] ?? 0) - (xb[i] ?? 0);
    if (d) return Math.sign(d);
  }
  if (pa === pb) return 0;
  if (!pa) return 1;
  if (!pb) return -1;
  return pa < pb ? -1 : 1;
}

async function obsolete(dir: string): Promise<Set<string>> {
  try {
    return new Set(Object.keys(JSON.parse(await fs.readFile(path.join(dir, '.obsolete'), 'utf8'))));
  } catch {
    return new Set();
  }
}

/**
 * Reads every `<dir>/<folder>/package.json`. When one id is installed in several folders (old versions left
 * behind, or several editors), the highest version wins. Folders listed in `.obsolete` are skipped.
 */
export async function readInstalled(dirs: string[], opts: { skipMissing?: boolean } = {}): Promise<CensusRead> {
  const byId = new Map<string, InstalledExtension>();
  const problems: string[] = [];
  const read: string[] = [];
  for (const dir of dirs) {
    let entries: string[];
    try {
      entries = (await fs.readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory() || e.isSymbolicLink()).map((e) => e.name);
    } catch (e) {
      if (!opts.skipMissing) problems.push(`${dir}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : String(e)}`);
      continue;
    }
    read.push(dir);
    const skip = await obsolete(dir);
    for (const name of entries.sort()) {
      if (name.startsWith('.') || skip.has(name)) continue;
      const full = path.join(dir, name);
      try {
        await fs.access(path.join(full, 'package.json'));
      } catch {
        continue;
      }
      try {
        const manifest = await readManifest(full);
        const id = extensionId(manifest).toLowerCase();
        const prior = byId.get(id);
        if (!prior || compareVersions(manifest.version, prior.manifest.version) > 0) byId.set(id, { manifest, dir: full });
      } catch (e) {
        problems.push(e instanceof Error ? e.message : String(e));
      }
    }
  }
  const extensions = [...byId.values()].sort((a, b) => extensionId(a.manifest).localeCompare(extensionId(b.manifest)));
  return { extensions, problems, dirs: read };
}

// Small stand-in extensions (for example other AI assistants): folders with a package.json installed
// into the server's extensions folder before it starts. (The server loads a single development
// extension, the one under test, so fakes are installed rather than loaded for development.)
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface FakeExtension {
  publisher: string;
  name: string;
  version?: string;
  displayName?: string;
  /** Extra manifest fields, e.g. { categories: ['AI', 'Chat'], contributes: { … } }. */
  manifest?: Record<string, unknown>;
  /** Source of a `main` module (CommonJS). Without it the extension has no code and never activates. */
  main?: string;
}

export function fakeExtensionId(ext: FakeExtension): string {
  return `${ext.publisher}.${ext.name}`.toLowerCase();
}

/** Writes the extension folder under `parent` and returns its path. */
export function writeFakeExtension(parent: string, ext: FakeExtension): string {
  const version = ext.version ?? '1.0.0';
  const dir = path.join(parent, `${ext.publisher}.${ext.name}-${version}`.toLowerCase());
  fs.mkdirSync(dir, { recursive: true });
  const manifest: Record<string, unknown> = {
    name: ext.name,
    displayName: ext.displayName ?? ext.name,
    publisher: ext.publisher,
    version,
    engines: { vscode: '^1.90.0' },
    ...ext.manifest,
  };
  if (ext.main !== undefined) {
    manifest.main = './extension.js';
    fs.writeFileSync(path.join(dir, 'extension.js'), ext.main);
  }
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

/** Registers installed extensions in the folder's extensions.json, which the server reads at start. */
export function registerInstalled(extensionsDir: string, installed: { ext: FakeExtension; dir: string }[]): void {
  const entries = installed.map(({ ext, dir }) => ({
    identifier: { id: fakeExtensionId(ext) },
    version: ext.version ?? '1.0.0',
    location: { $mid: 1, path: dir, scheme: 'file' },
    relativeLocation: path.basename(dir),
    metadata: { installedTimestamp: Date.now(), source: 'vsix', pinned: true },
  }));
  fs.writeFileSync(path.join(extensionsDir, 'extensions.json'), JSON.stringify(entries));
}

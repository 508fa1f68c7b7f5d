// Runs the built CLI as an unprivileged user when the tests run as root (permissions do not stop root; they
// stop "nobody"). That user may not be able to reach the checkout at all (a clone inside a 0700 folder, as
// `mktemp -d` or a home folder makes), so the bundle and its lazily loaded parts are copied to a readable
// temporary folder first; as any other user the checkout's own dist/ is used.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../../harness/workspaceSetup';

export const NOBODY = { uid: 65534, gid: 65534 };

export interface CliRunner {
  /** The cli.js that runs (the copy when run as nobody). */
  cli: string;
  run(args: string[], cwd: string): SpawnSyncReturns<string>;
  dispose(): void;
}

/**
 * The files cli.js loads at run time: itself, cliMain.js, the commands' bundles in dist/commands/ and dist/lazy/*.js
 * (see esbuild.js), with their source maps.
 */
function copyBundle(to: string): string {
  const dist = path.join(repoRoot(), 'dist');
  for (const name of ['cli.js', 'cli.js.map', 'cliMain.js', 'cliMain.js.map']) fs.copyFileSync(path.join(dist, name), path.join(to, name));
  for (const folder of ['commands', 'lazy']) {
    fs.mkdirSync(path.join(to, folder), { recursive: true });
    for (const name of fs.readdirSync(path.join(dist, folder))) fs.copyFileSync(path.join(dist, folder, name), path.join(to, folder, name));
    fs.chmodSync(path.join(to, folder), 0o755);
  }
  fs.chmodSync(to, 0o755);
  return path.join(to, 'cli.js');
}

export function unprivilegedCli(): CliRunner {
  const root = process.getuid?.() === 0;
  const copy = root ? fs.mkdtempSync(path.join(os.tmpdir(), 'ai-policy-cli-')) : undefined;
  const cli = copy ? copyBundle(copy) : path.join(repoRoot(), 'dist', 'cli.js');
  return {
    cli,
    run: (args, cwd) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 20000, ...(root ? NOBODY : {}) }),
    dispose: () => {
      if (copy) fs.rmSync(copy, { recursive: true, force: true });
    },
  };
}

// The command line's commands are bundles of their own (commands/<command>.js beside cliMain.js; see
// scripts/build/cliBundle.js), so that a run loads only its command's code. The launcher (src/cli/launcher.ts) says how
// to load one: with V8's code cache on Node 20, as it loaded cliMain.js; otherwise a plain require (Node 22's compile
// cache, when the launcher turned it on, covers that too). The two are separate bundles, hence the global slot.
/* eslint-disable @typescript-eslint/no-require-imports -- the bundle's path is known only at run time */
import * as fs from 'node:fs';
import * as path from 'node:path';

type Loader = (file: string) => unknown;
const SLOT = Symbol.for('ai-policy.bundleLoader');
const slots = globalThis as unknown as Record<symbol, Loader | undefined>;

/** Called by the launcher before it loads cliMain.js. */
export function provideBundleLoader(load: Loader): void {
  slots[SLOT] = load;
}

/** A command's bundle: its exports. */
export function loadBundle(file: string): unknown {
  const load = slots[SLOT];
  return load ? load(file) : require(file);
}

/**
 * The folder of the command line's entry bundles (cli.js, cliMain.js, hook.js) for code in `dir` (its `__dirname`):
 * a command's own bundle runs from commands/ inside it; anything else (a test or script bundle) is its own folder.
 */
export function entryFolder(dir: string): string {
  return path.basename(dir) === 'commands' && fs.existsSync(path.join(dir, '..', 'cliMain.js')) ? path.dirname(dir) : dir;
}

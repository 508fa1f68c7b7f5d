// dist/cli.js: starts the `ai-policy` bundle (cliMain.js beside it, which loads the command's own bundle from commands/)
// with V8's code cache, so that a run does not compile its code again. Node 22.1+ has its own compile cache
// (module.enableCompileCache); on Node 20 each bundle is compiled through vm.Script with the cached data of the
// previous run (src/startup/codeCache.ts). Not for `ai-policy hook` (below).
import Module = require('node:module');
import * as path from 'node:path';
import { provideBundleLoader } from '../startup/bundleLoader';
import { codeCacheDir, loadWithCodeCache } from '../startup/codeCache';

const main = path.join(__dirname, 'cliMain.js');
const warn = (what: string, err: unknown) =>
  process.stderr.write(`ai-policy: ${what} (set AI_POLICY_COMPILE_CACHE=off to skip it): ${err instanceof Error ? err.stack : String(err)}\n`);
/** Loads the bundle as an ordinary module (its own require, `module` and `__filename`). */
const load = () => Module.createRequire(main)(main) as unknown;

// `ai-policy hook` is a guard: its code must come from the installed bundle only. The cache sits in a folder of
// the user, which the agent being judged can write, and V8 takes cached code for a source of the same length, so
// a guard started from it could run the agent's own build. The hook compiles from the bundle every time.
const judging = process.argv[2] === 'hook';
const dir = judging ? undefined : codeCacheDir(warn);
const enable = (Module as { enableCompileCache?: (dir?: string) => unknown }).enableCompileCache;
if (dir && enable) {
  enable(dir);
  load();
} else if (dir) {
  const cached = (file: string) => loadWithCodeCache(file, dir, warn, (write) => process.once('exit', write));
  provideBundleLoader(cached); // the command's own bundle (commands/<command>.js), with the cache as well
  cached(main);
} else {
  load();
}

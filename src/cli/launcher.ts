// dist/cli.js: starts the `ai-policy` bundle (cliMain.js beside it) with V8's code cache, so that a run does not
// compile the whole bundle again. Node 22.1+ has its own compile cache (module.enableCompileCache); on Node 20 the
// bundle is compiled through vm.Script with the cached data of the previous run. The cache lives in the user's own
// cache folder (mode 0700): code cache is trusted code, so a folder another user can write is never used.
// AI_POLICY_COMPILE_CACHE=off turns it off; AI_POLICY_COMPILE_CACHE=DIR puts it elsewhere.
import * as fs from 'node:fs';
import Module = require('node:module');
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

const main = path.join(__dirname, 'cliMain.js');

function warn(what: string, err: unknown): void {
  process.stderr.write(`ai-policy: ${what} (set AI_POLICY_COMPILE_CACHE=off to skip it): ${err instanceof Error ? err.stack : String(err)}\n`);
}

/** The cache folder, created private; undefined when turned off or when the folder is not the user's alone. */
function cacheDir(): string | undefined {
  const setting = process.env.AI_POLICY_COMPILE_CACHE;
  if (setting === 'off' || setting === '0') return undefined;
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  const dir = setting || path.join(base, 'ai-policy', `compile-${process.version}`);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.statSync(dir);
    const uid = process.getuid?.();
    if (uid !== undefined && (st.uid !== uid || (st.mode & 0o022) !== 0)) return undefined; // shared or writable by others
    return dir;
  } catch (e) {
    // An account without a writable home (`nobody`, a read-only container) runs without the cache, as designed;
    // anything else, or a folder the user named, is worth a line.
    const code = (e as NodeJS.ErrnoException).code;
    if (setting || !['EACCES', 'ENOENT', 'EROFS', 'EPERM', 'ENOTDIR'].includes(code ?? '')) warn(`compile cache folder ${dir} not usable`, e);
    return undefined;
  }
}

/** Node 20: compile the bundle with last run's code cache and write a fresh one at exit when it was missing or stale. */
function runWithCodeCache(file: string, dir: string): void {
  const source = fs.readFileSync(file, 'utf8').replace(/^#!.*/, '');
  const st = fs.statSync(file);
  const cacheFile = path.join(dir, `${path.basename(file)}-${st.size}-${Math.floor(st.mtimeMs)}.v8`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') warn(`compile cache ${cacheFile} not read`, e);
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  if (!cachedData || script.cachedDataRejected) {
    // After the run, the cache also holds the functions the run compiled, not only the top level.
    process.once('exit', () => {
      try {
        fs.writeFileSync(cacheFile, script.createCachedData(), { mode: 0o600 });
      } catch (e) {
        warn(`compile cache ${cacheFile} not written`, e);
      }
    });
  }
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(file));
  const req = Module.createRequire(file);
  (script.runInThisContext() as (...a: unknown[]) => void).call(mod.exports, mod.exports, req, mod, file, path.dirname(file));
}

/** Loads the bundle as an ordinary module (its own require, `module` and `__filename`). */
const load = () => Module.createRequire(main)(main) as unknown;

const dir = cacheDir();
const enable = (Module as { enableCompileCache?: (dir?: string) => unknown }).enableCompileCache;
if (dir && enable) {
  enable(dir);
  load();
} else if (dir) {
  runWithCodeCache(main, dir);
} else {
  load();
}

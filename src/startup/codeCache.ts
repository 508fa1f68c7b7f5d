// Loads a bundle with V8's code cache of its previous load, so that a start does not compile it again: the CLI's
// and the extension's launchers (dist/cli.js, dist/extension.js) use it. The cache lives in the user's own cache
// folder (mode 0700); code cache is trusted code, so a folder that another user owns or can write is never used.
// AI_POLICY_COMPILE_CACHE=off turns it off; AI_POLICY_COMPILE_CACHE=DIR puts it elsewhere.
import * as fs from 'node:fs';
import Module = require('node:module');
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

export type Warn = (what: string, err: unknown) => void;

/** The cache folder, created private; undefined when turned off or when the folder is not the user's alone. */
export function codeCacheDir(warn: Warn): string | undefined {
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

/**
 * Runs `file` as a CommonJS module compiled with the cached data of its previous load and returns its exports.
 * When the cache was missing or stale, `schedule` decides when to write a fresh one (after the run has compiled
 * the functions it uses, which the cache then holds too).
 */
export function loadWithCodeCache(file: string, dir: string, warn: Warn, schedule: (write: () => void) => void): unknown {
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
    schedule(() => {
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
  (script.runInThisContext() as (...a: unknown[]) => void).call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  return mod.exports;
}

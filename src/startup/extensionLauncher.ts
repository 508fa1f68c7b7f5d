// dist/extension.js: loads the extension's bundle (extensionMain.js beside it) with V8's code cache of its previous
// load (src/startup/codeCache.ts), so that starting the extension host does not compile the bundle again. Only this
// bundle: Node's process-wide compile cache would change how every other extension in the host loads.
import Module = require('node:module');
import * as path from 'node:path';
import { codeCacheDir, loadWithCodeCache } from './codeCache';

const main = path.join(__dirname, 'extensionMain.js');
// Before activation there is no log channel yet; the extension host's own log shows console output.
const warn = (what: string, err: unknown) => console.warn(`AI Tool Policy: ${what}:`, err);
/** After activation has compiled what it uses, so that the next start finds that compiled too. */
const AFTER_START_MS = 10_000;

const dir = codeCacheDir(warn);
module.exports = dir
  ? loadWithCodeCache(main, dir, warn, (write) => {
    let done = false;
    const once = () => {
      if (!done) write();
      done = true;
    };
    setTimeout(once, AFTER_START_MS).unref();
    process.once('exit', once); // a host that stops sooner
  })
  : (Module.createRequire(main)(main) as unknown);

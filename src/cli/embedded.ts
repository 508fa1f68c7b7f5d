// Parts of the hook bundle that only some calls need, carried in hook.js as text (see scripts/build/hookBundle.js)
// and compiled here the first time a call requires them. The text is part of hook.js itself: as trusted as the rest.
import * as vm from 'node:vm';

const PARAMS = ['exports', 'require', 'module', '__filename', '__dirname'];

/** Compiles and runs one embedded CommonJS part; returns its exports. */
export function loadEmbedded(name: string, code: string): unknown {
  const module = { exports: {} as unknown };
  const body = vm.compileFunction(code, PARAMS, { filename: `${__filename} [${name}]` });
  body.call(module.exports, module.exports, require, module, __filename, __dirname);
  return module.exports;
}

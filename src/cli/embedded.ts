// Parts of the hook bundle that only some calls need, carried in hook.js compressed (see scripts/build/hookBundle.js)
// and compiled here the first time a call requires them. The text is part of hook.js itself: as trusted as the rest.
/* eslint-disable @typescript-eslint/no-require-imports -- zlib is loaded only by a call that needs a part */
import * as vm from 'node:vm';
import type * as Zlib from 'node:zlib';

const PARAMS = ['exports', 'require', 'module', '__filename', '__dirname'];

/** Unpacks, compiles and runs one embedded CommonJS part (`packed`: brotli, base64); returns its exports. */
export function loadEmbedded(name: string, packed: string): unknown {
  const { brotliDecompressSync } = require('node:zlib') as typeof Zlib;
  const code = brotliDecompressSync(Buffer.from(packed, 'base64')).toString('utf8');
  const module = { exports: {} as unknown };
  const body = vm.compileFunction(code, PARAMS, { filename: `${__filename} [${name}]` });
  body.call(module.exports, module.exports, require, module, __filename, __dirname);
  return module.exports;
}

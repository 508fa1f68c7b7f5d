// An esbuild plugin every bundle is built with (plugins.js): jsonc-parser's formatter and editor
// (impl/format, impl/edit, and the whitespace tables of impl/string-intern, built when the module loads) are declared
// free of side effects, so that bundles that only parse leave them out. The package has no `sideEffects` field, and
// without one every bundle that imports the parser built those tables at start.
const path = require('node:path');

/** @type {import('esbuild').Plugin} */
const jsoncParseOnly = {
  name: 'jsonc-parse-only',
  setup(build) {
    build.onResolve({ filter: /^\.\/(?:impl\/)?(?:format|edit|string-intern)$/ }, (args) => {
      if (!/[\\/]jsonc-parser[\\/]lib[\\/]esm[\\/]/.test(args.importer)) return undefined;
      return { path: path.join(path.dirname(args.importer), `${args.path}.js`), sideEffects: false };
    });
  },
};

module.exports = { jsoncParseOnly };

// The built-in rules' keyword automaton, built at build time: esbuild resolves `anchor-tables:generated` to a
// data module holding its packed tables (src/core/scan/anchorTables.ts), so a scanner's start (the agent hook's
// above all) only unpacks them. The tables are built by the same code as at run time, from the rules as they are
// in src/; a unit test (test/unit/scan/anchorTables.test.ts) compares them with tables built at run time.
const esbuild = require('esbuild');
const path = require('node:path');
const { policyValidatorPlugin } = require('./policyValidator');

const root = path.resolve(__dirname, '..', '..');

const ENTRY = `
const { builtinAnchorGroups } = require('./src/core/scan/builtinAnchors');
const { packAnchorTables } = require('./src/core/scan/anchorTables');
const groups = builtinAnchorGroups();
module.exports = { ...packAnchorTables(groups), count: groups.length };
`;

/** While the tables are generated, the scanner's modules that reach for them build their own. */
const withoutTables = {
  name: 'anchor-tables-absent',
  setup(build) {
    build.onResolve({ filter: /^anchor-tables:generated$/ }, (args) => ({ path: args.path, namespace: 'anchor-tables-absent' }));
    build.onLoad({ filter: /.*/, namespace: 'anchor-tables-absent' }, () => ({ contents: 'module.exports = { count: Infinity, key: "" };', loader: 'js' }));
  },
};

/** The data module's source. */
async function generate() {
  const built = await esbuild.build({
    stdin: { contents: ENTRY, resolveDir: root, loader: 'ts', sourcefile: 'anchor-tables-entry.ts' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    write: false,
    loader: { '.yaml': 'text' },
    plugins: [policyValidatorPlugin, withoutTables],
    metafile: true,
    logLevel: 'warning',
  });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', built.outputFiles[0].text)(mod, mod.exports, require);
  const inputs = Object.keys(built.metafile.inputs).filter((f) => !f.includes(':')).map((f) => path.resolve(root, f));
  return { contents: `module.exports = ${JSON.stringify(mod.exports)};\n`, watchFiles: inputs };
}

/** @type {import('esbuild').Plugin} */
const anchorTablesPlugin = {
  name: 'anchor-tables',
  setup(build) {
    build.onResolve({ filter: /^anchor-tables:generated$/ }, (args) => ({ path: args.path, namespace: 'anchor-tables' }));
    build.onLoad({ filter: /.*/, namespace: 'anchor-tables' }, async () => ({ ...(await generate()), loader: 'js', resolveDir: root }));
  },
};

module.exports = { anchorTablesPlugin, generate };

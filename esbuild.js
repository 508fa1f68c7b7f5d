// Bundles the extension and the command-line tool into dist/, and (with --tests) the test suites into out/.
// Usage: node esbuild.js [--production] [--watch] [--tests]
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');
const { bundlePlugins } = require('./scripts/build/plugins');
const { hookBuildOptions, assertAscii } = require('./scripts/build/hookBundle');
const { cliBuilds } = require('./scripts/build/cliBundle');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

/** Native or editor-provided modules stay outside the bundles. */
const external = ['vscode', 'typescript', 'better-sqlite3', 'pg-native', 'playwright-core', 'mocha', 'secretlint'];

function listTests(dir) {
  if (!fs.existsSync(dir)) return [];
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'fixtures') out.push(...listTests(full));
    else if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external,
  logLevel: 'warning',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  // The starter policy is part of the CLI (`ai-policy init`), read as text.
  loader: { '.yaml': 'text' },
  // The policy JSON Schema's validator generated as code (no schema compile at start), the scanner's anchor tables,
  // and jsonc-parser without its formatter (scripts/build/plugins.js).
  plugins: bundlePlugins,
};

/**
 * Code src/core/lazyModules.ts loads on first use (import specifier -> entry point and output file under dist/):
 * in the extension each lives in its own file, loaded by a plain require; the CLI and the hook bundle them.
 */
const lazyModules = {
  're2js': { entry: require.resolve('re2js'), out: 'lazy/re2js' },
  'smol-toml': { entry: require.resolve('smol-toml'), out: 'lazy/smol-toml' },
  // Read when the policy loads, after activate() has returned: not part of loading the extension.
  'yaml': { entry: require.resolve('yaml'), out: 'lazy/yaml' },
  'policy-validator:generated': { entry: 'policy-validator:generated', out: 'lazy/policy-validator' },
  // The built-in scanner: loaded the first time a document needs scanning.
  './scan/onDemand': { entry: 'src/core/scan/onDemand.ts', out: 'lazy/scanner', importer: path.join('src', 'core', 'lazyModules.ts') },
};

/**
 * Leaves the lazy modules out of a bundle written to dist/<fromDir>, as a require of their own file.
 * @returns {import('esbuild').Plugin}
 */
function lazyModulesPlugin(fromDir) {
  return {
    name: 'lazy-modules',
    setup(build) {
      const escaped = Object.keys(lazyModules).map((k) => k.replace(/[./-]/g, '\\$&'));
      build.onResolve({ filter: new RegExp(`^(${escaped.join('|')})$`) }, (args) => {
        if (args.kind === 'entry-point') return undefined; // the lazy module's own build
        const lazy = lazyModules[args.path];
        if (lazy.importer && !args.importer.endsWith(lazy.importer)) return undefined;
        return { path: `./${path.posix.relative(fromDir, lazy.out)}.js`, external: true };
      });
    },
  };
}

async function main() {
  const builds = [
    {
      ...common,
      entryPoints: { extensionMain: 'src/extension.ts' },
      outdir: 'dist',
      // First, so that a lazy module the other plugins would build in (the policy validator) stays out.
      plugins: [lazyModulesPlugin(''), ...common.plugins],
    },
    // dist/extension.js loads dist/extensionMain.js with V8's code cache (src/startup/extensionLauncher.ts).
    { ...common, entryPoints: { extension: 'src/startup/extensionLauncher.ts' }, outdir: 'dist' },
    {
      ...common,
      entryPoints: Object.fromEntries(Object.values(lazyModules).map((m) => [m.out, m.entry])),
      outdir: 'dist',
      plugins: [lazyModulesPlugin('lazy'), ...common.plugins],
    },
    // dist/cli.js is a small launcher that starts dist/cliMain.js with V8's code cache (src/cli/launcher.ts); each
    // command is a bundle of its own in dist/cli/ (scripts/build/cliBundle.js).
    ...cliBuilds(common, 'dist'),
    // The agent hook runs on every tool call of an agent: its own small bundle (see scripts/build/hookBundle.js).
    hookBuildOptions({ outdir: 'dist', minify: production, sourcemap: !production }),
    // The policy viewer's webview script runs in the webview (a browser), not in Node.
    { ...common, entryPoints: { viewer: 'src/webview/viewer.ts' }, outdir: 'dist', platform: 'browser', format: 'iife', target: 'es2022', external: [], sourcemap: false },
  ];
  if (tests) {
    builds.push({
      ...common,
      entryPoints: [...listTests('test'), ...listTests('scripts')],
      outdir: 'out',
      outbase: '.',
      sourcemap: true,
    });
  }
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  fs.chmodSync('dist/cli.js', 0o755);
  fs.chmodSync('dist/hook.js', 0o755);
  // What ships is ASCII (a development build keeps comments as written).
  if (production) assertAscii('dist/hook.js');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

// The `ai-policy` command line as bundles, built the same way for dist/ (esbuild.js) and the CLI package
// (scripts/package-cli.js): cli.js, the launcher (src/cli/launcher.ts); cliMain.js, the usage text and the table of
// commands (src/cli/main.ts); and one bundle per command under commands/ (commands/scan.js, commands/server.js...),
// so that a run reads and compiles only its own command's code, not the audit server's, the OTLP decoder and the
// PostgreSQL driver with every scan. A command's bundle is loaded through src/startup/bundleLoader.ts, with the code
// cache the launcher set up. The audit server's render worker is a bundle of its own too (commands/render-worker.js).
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const COMMANDS = path.join(root, 'src', 'cli', 'commands', 'index.ts');
const MAIN = path.join(root, 'src', 'cli', 'main.ts');
const LOADER = path.join(root, 'src', 'startup', 'bundleLoader.ts');
const RENDER_WORKER = '../server/render/renderWorker';

/** The command modules the table imports (`import('./scan')`), by file name. */
function commandModules() {
  return [...new Set([...fs.readFileSync(COMMANDS, 'utf8').matchAll(/import\('\.\/(\w+)'\)/g)].map((m) => m[1]))];
}

/**
 * In cliMain.js, each command module (and the render worker) becomes a module that loads its bundle from commands/
 * beside cliMain.js at run time.
 * @returns {import('esbuild').Plugin}
 */
function commandBundlesPlugin(names) {
  return {
    name: 'cli-command-bundles',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.importer === COMMANDS && names.includes(args.path.slice(2))) return { path: args.path.slice(2), namespace: 'cli-bundle' };
        if (args.importer === MAIN && args.path === RENDER_WORKER) return { path: 'render-worker', namespace: 'cli-bundle' };
        return undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'cli-bundle' }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(LOADER)}).loadBundle(require('node:path').join(__dirname, 'commands', ${JSON.stringify(`${args.path}.js`)}));`,
        resolveDir: root,
        loader: 'js',
      }));
    },
  };
}

/**
 * esbuild options for the command line's bundles in `outdir`, from the caller's common options (plugins kept).
 * @param {import('esbuild').BuildOptions} common
 * @returns {import('esbuild').BuildOptions[]}
 */
function cliBuilds(common, outdir) {
  const names = commandModules();
  if (!names.length) throw new Error(`no command modules found in ${COMMANDS}`);
  const plugins = common.plugins ?? [];
  return [
    { ...common, entryPoints: { cliMain: MAIN }, outdir, plugins: [commandBundlesPlugin(names), ...plugins] },
    {
      ...common,
      entryPoints: {
        ...Object.fromEntries(names.map((n) => [`commands/${n}`, path.join(root, 'src', 'cli', 'commands', `${n}.ts`)])),
        'commands/render-worker': path.join(root, 'src', 'server', 'render', 'renderWorker.ts'),
      },
      outdir,
    },
    { ...common, entryPoints: { cli: path.join(root, 'src', 'cli', 'launcher.ts') }, outdir, banner: { js: '#!/usr/bin/env node' } },
  ];
}

module.exports = { cliBuilds, commandModules };

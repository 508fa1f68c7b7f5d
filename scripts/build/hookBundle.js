// The agent hook's bundle (hook.js), built the same way for dist/ (esbuild.js), the CLI package
// (scripts/package-cli.js) and the benchmarks. An agent starts it on every tool call, so its start is most of
// its cost, and reading and compiling the script is most of the start: code that only some calls run (validating
// a policy file, the once-a-day delivery, the RE2 engine for policy regexes, the TOML parser for gitleaks configs)
// is carried inside hook.js compressed, as a base64 string, and compiled the first time a call needs it
// (src/cli/embedded.ts). Scanning a string costs V8 a fraction of parsing the same code. hook.js stays one file:
// installers copy it alone, and nothing it runs comes from anywhere but itself.
// Usage: node scripts/build/hookBundle.js OUTDIR   (the shipped build, minified, into OUTDIR/hook.js)
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { bundlePlugins } = require('./plugins');

const root = path.resolve(__dirname, '..', '..');

/** Imports compiled on first use: source file (or package) -> the name the part carries in stack traces. */
const EMBEDDED = {
  [path.join(root, 'src', 'core', 'policy', 'validate.ts')]: 'policy-validate',
  [path.join(root, 'src', 'cli', 'commands', 'hooksFlush.ts')]: 'hooks-flush',
  're2js': 're2js',
  'smol-toml': 'smol-toml',
};
const SPECIFIERS = /^(re2js|smol-toml|\.\.?\/(.*\/)?(validate|hooksFlush))$/;

function common(minify) {
  return {
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['better-sqlite3', 'pg-native'],
    loader: { '.yaml': 'text' },
    plugins: bundlePlugins,
    minify,
    logLevel: 'warning',
    // Bare specifiers of the embedded parts (re2js…) resolve from the repository, whatever the caller's folder.
    absWorkingDir: root,
  };
}

/** @returns {import('esbuild').Plugin} */
function embeddedPartsPlugin(minify) {
  return {
    name: 'hook-embedded-parts',
    setup(build) {
      build.onResolve({ filter: SPECIFIERS }, (args) => {
        const file = args.path.startsWith('.') ? path.resolve(args.resolveDir, `${args.path}.ts`) : args.path;
        return EMBEDDED[file] ? { path: file, namespace: 'hook-embedded' } : undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'hook-embedded' }, async (args) => {
        const part = await esbuild.build({ ...common(minify), entryPoints: [args.path], write: false, outfile: 'part.js', sourcemap: false });
        // Brotli, then base64: Node reads hook.js whole on every call, at a cost that grows with its size.
        const packed = zlib.brotliCompressSync(part.outputFiles[0].contents, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).toString('base64');
        const loader = JSON.stringify(path.join(root, 'src', 'cli', 'embedded.ts'));
        return {
          contents: `module.exports = require(${loader}).loadEmbedded(${JSON.stringify(EMBEDDED[args.path])}, ${JSON.stringify(packed)});`,
          loader: 'js',
          resolveDir: root,
        };
      });
    },
  };
}

/** esbuild options of hook.js in `outdir`; `minify` for what ships. */
function hookBuildOptions({ outdir, minify, sourcemap = false }) {
  const base = common(minify);
  return {
    ...base,
    entryPoints: { hook: path.join(root, 'src', 'cli', 'hookMain.ts') },
    outdir,
    sourcemap,
    sourcesContent: false,
    banner: { js: '#!/usr/bin/env node' },
    plugins: [embeddedPartsPlugin(minify), ...base.plugins],
  };
}

/**
 * Throws unless the bundle is ASCII: one other character makes Node decode the whole file as UTF-8 and V8 hold
 * and scan it as a two-byte string, on every call.
 */
function assertAscii(file) {
  const bytes = fs.readFileSync(file);
  const at = bytes.findIndex((b) => b > 0x7f);
  if (at >= 0) {
    const line = bytes.subarray(0, at).toString('latin1').split('\n').length;
    throw new Error(`${file}: a non-ASCII byte at line ${line}; write it as an escape (\\u....) in the source`);
  }
}

/** Builds hook.js into `outdir` (chmod 755; the minified build checked ASCII); returns its path. */
async function buildHook(outdir, { minify = true, sourcemap = false } = {}) {
  await esbuild.build(hookBuildOptions({ outdir, minify, sourcemap }));
  const file = path.join(outdir, 'hook.js');
  if (minify) assertAscii(file);
  fs.chmodSync(file, 0o755);
  return file;
}

module.exports = { hookBuildOptions, buildHook, assertAscii };

if (require.main === module) {
  const outdir = process.argv[2];
  if (!outdir) {
    console.error('usage: node scripts/build/hookBundle.js OUTDIR');
    process.exit(2);
  }
  buildHook(path.resolve(outdir)).then(
    (file) => console.log(file),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}

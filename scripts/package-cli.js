// Builds the command-line tool as its own npm package, ai-policy-cli-<version>.tgz, which
// `npm install -g ./ai-policy-cli-<version>.tgz` turns into an `ai-policy` command. The CLI is bundled (a launcher,
// a dispatcher and a bundle per command); its only dependency is the reference server's native SQLite binding
// (better-sqlite3), which npm resolves for the installing machine (a prebuilt binary, or a build from source). The
// PostgreSQL driver (pg, plain JavaScript) is bundled into the server command's bundle.
// Usage: node scripts/package-cli.js [--out DIR]   (default: the repository root, beside the .vsix)
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');
const { bundlePlugins } = require('./build/plugins');
const { buildHook } = require('./build/hookBundle');
const { cliBuilds } = require('./build/cliBundle');

const root = path.resolve(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const outIndex = process.argv.indexOf('--out');
const outDir = path.resolve(outIndex > 0 ? process.argv[outIndex + 1] : root);
const stage = path.join(root, 'dist', 'cli-package');

/** What the package carries besides the bundle: the docs its help points to, the schema and the samples. */
const EXTRA_FILES = ['LICENSE', 'docs/policy.md', 'docs/scan.md', 'docs/server.md', 'schema/aipolicy.schema.json', 'policy-samples/starter.aipolicy.yaml', 'policy-samples/strict.aipolicy.yaml'];

const README = `# ai-policy

The command-line tool of AI Tool Policy: write, validate, sign and verify your organization's AI tool
policy, scan for secrets and personal data (pre-commit, CI, SARIF), classify installed editor extensions,
export enforcement configs, enforce the policy inside AI agents through their hooks, and run the
reference audit server.

\`\`\`sh
npm install -g ./ai-policy-cli-${manifest.version}.tgz
ai-policy --help
ai-policy init --org "Example Corp"     # a starter policy that validates as written
ai-policy validate policy.aipolicy.yaml
ai-policy scan .
ai-policy hooks install --harness all   # block AI agents (Claude Code, Codex, Copilot CLI, Cursor, VS Code) from protected data
\`\`\`

Needs Node ${manifest.engines.node}. \`ai-policy server\` uses better-sqlite3, installed with the package
(a prebuilt binary for your platform, or built from source with python3, make and a C++ compiler);
the PostgreSQL driver for \`--db postgres://...\` is included.
See docs/policy.md (writing the policy), docs/scan.md (scanning) and docs/server.md (the audit server).
`;

async function main() {
  fs.rmSync(stage, { recursive: true, force: true });
  fs.mkdirSync(stage, { recursive: true });
  // cli.js starts cliMain.js with V8's code cache (src/cli/launcher.ts), which loads the command's own bundle from
  // commands/ (scripts/build/cliBundle.js); hook.js is `ai-policy hook` alone, which AI agents run on every tool call
  // (`ai-policy hooks install` points them at the hook.js beside cli.js).
  const common = {
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['better-sqlite3', 'pg-native'],
    plugins: bundlePlugins,
    loader: { '.yaml': 'text' },
    minify: true,
    logLevel: 'warning',
    absWorkingDir: root,
  };
  for (const options of cliBuilds(common, stage)) await esbuild.build(options);
  fs.chmodSync(path.join(stage, 'cli.js'), 0o755);
  await buildHook(stage);
  for (const file of EXTRA_FILES) {
    fs.mkdirSync(path.dirname(path.join(stage, file)), { recursive: true });
    fs.copyFileSync(path.join(root, file), path.join(stage, file));
  }
  fs.writeFileSync(path.join(stage, 'README.md'), README);
  const cliManifest = {
    name: 'ai-policy-cli',
    version: manifest.version,
    description: 'Command-line tool of AI Tool Policy: policy authoring and signing, secret and personal-data scanning, extension census, enforcement exports and the reference audit server.',
    license: manifest.license,
    repository: manifest.repository,
    keywords: manifest.keywords,
    bin: { 'ai-policy': 'cli.js' },
    engines: { node: manifest.engines.node },
    // The exact release the project is built and tested with (12: version 13 crashes on Node 20).
    dependencies: { 'better-sqlite3': lockedVersion('better-sqlite3') },
    allowScripts: { 'better-sqlite3': true },
  };
  fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify(cliManifest, null, 2) + '\n');
  fs.mkdirSync(outDir, { recursive: true });
  const output = execFileSync('npm', ['pack', '--json', '--pack-destination', outDir], { cwd: stage, encoding: 'utf8', env: withoutNpmLifecycle() });
  const [{ filename, size, entryCount }] = JSON.parse(output);
  console.log(`${path.join(outDir, filename)}: ${(size / 1024).toFixed(1)} KB, ${entryCount} files`);
}

function lockedVersion(name) {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  const version = lock.packages?.[`node_modules/${name}`]?.version;
  if (!version) throw new Error(`${name} is not in package-lock.json`);
  return version;
}

/** `npm run package` calls this: npm's own lifecycle variables must not leak into the inner `npm pack`. */
function withoutNpmLifecycle() {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_(lifecycle|package|config_(prefix|global))/i.test(key)) env[key] = value;
  return env;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

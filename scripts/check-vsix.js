// Fails when the packaged extension is 1 MB or larger, or when it lacks what the extension needs at run time
// (the bundles, the modules the extension loads on demand (dist/lazy), the viewer script, the agent hook it copies
// when the developer installs agent hooks, the manifest translations and the l10n bundles).
// Usage: node scripts/check-vsix.js FILE.vsix
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');

const file = process.argv[2];
const size = fs.statSync(file).size;
const limit = 1024 * 1024;
console.log(`${file}: ${(size / 1024).toFixed(1)} KB (limit ${limit / 1024} KB)`);
if (size >= limit) {
  console.error(`${file} is too large: check .vscodeignore`);
  process.exit(1);
}

// A .vsix is a zip archive; `unzip -Z1` lists its entries.
const entries = new Set(execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter(Boolean));
const required = ['extension/dist/extension.js', 'extension/dist/extensionMain.js', 'extension/dist/viewer.js', 'extension/dist/hook.js', 'extension/media/viewer.css', 'extension/package.nls.json', 'extension/l10n/bundle.l10n.json', 'extension/docs/rules.md'];
// The extension's build writes dist/lazy/*.js beside the bundle; each is loaded by a require the first time it is needed.
for (const f of fs.readdirSync('dist/lazy')) if (f.endsWith('.js')) required.push(`extension/dist/lazy/${f}`);
for (const f of fs.readdirSync('.')) if (/^package\.nls\.[a-z-]+\.json$/.test(f)) required.push(`extension/${f}`);
for (const f of fs.readdirSync('l10n')) if (/^bundle\.l10n\.[a-z-]+\.json$/.test(f)) required.push(`extension/l10n/${f}`);
const missing = required.filter((f) => !entries.has(f));
if (missing.length) {
  console.error(`${file} lacks ${missing.join(', ')}: check .vscodeignore`);
  process.exit(1);
}
console.log(`${file}: ${required.length} required files present (bundles, on-demand modules, viewer, agent hook, translations)`);

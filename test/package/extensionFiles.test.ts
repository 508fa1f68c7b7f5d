// What the packaged extension holds: `vsce ls` (the files `npm run package` puts in the .vsix, as .vscodeignore
// selects them; it runs no build) must list every file the extension reads from its own folder at run time. A
// development checkout has them all, so only this catches one left out of the package: the agent hook
// (dist/hook.js, copied when a developer installs agent hooks) once was.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../harness/workspaceSetup';

const root = repoRoot();

describe('the extension package', function () {
  this.timeout(120_000);

  it('holds the bundles, the modules loaded on demand, the viewer, the agent hook and the translations', () => {
    const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
    const r = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const listed = new Set(r.stdout.split('\n').map((l) => l.trim()).filter(Boolean));
    const required = ['dist/extension.js', 'dist/extensionMain.js', 'dist/viewer.js', 'dist/hook.js', 'package.json', 'package.nls.json', 'l10n/bundle.l10n.json', 'docs/rules.md', 'schema/aipolicy.schema.json'];
    for (const f of fs.readdirSync(path.join(root, 'dist', 'lazy'))) if (f.endsWith('.js')) required.push(`dist/lazy/${f}`);
    const missing = required.filter((f) => !listed.has(f));
    assert.deepEqual(missing, [], `not in the package: ${missing.join(', ')}`);
    assert.ok(![...listed].some((f) => f.startsWith('src/') || f.startsWith('test/') || f.endsWith('.map')), 'sources, tests and source maps stay out');
  });
});

// @vscode/test-cli configuration for machines that can download VS Code (`npm run compile-tests && npx vscode-test`).
// It runs the same compiled host suites as `npm run test:host` (test/host/runs.ts), without the fake
// extensions that harness installs. Where VS Code cannot be downloaded, use `npm run test:host`.
import { defineConfig } from '@vscode/test-cli';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.dirname(new URL(import.meta.url).pathname);
const workspace = path.join(root, 'test', 'host', 'fixtures', 'basic');
const machineSettings = { 'aiPolicy.policySource': path.join(root, 'policy-samples', 'starter.aipolicy.yaml') };

/** One test-cli configuration per trust mode, each with its own profile holding the settings. */
function run(name, trusted) {
  const userDataDir = path.join(root, '.vscode-test', `user-${name}`);
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  // On desktop, machine-scoped settings are read from the user settings file.
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...machineSettings, 'security.workspace.trust.startupPrompt': 'never' }));
  const context = { run: name, trusted, gitInit: false, workspaceDir: workspace, machineSettings, userSettings: {}, fakeExtensions: [] };
  return {
    label: name,
    files: 'out/test/host/suites/**/*.test.js',
    version: '1.139.1',
    workspaceFolder: workspace,
    launchArgs: ['--user-data-dir', userDataDir, ...(trusted ? ['--disable-workspace-trust'] : [])],
    env: { AI_POLICY_TEST_CONTEXT: JSON.stringify(context) },
    mocha: { ui: 'bdd', timeout: 30000 },
  };
}

export default defineConfig([run('trusted', true), run('untrusted', false)]);

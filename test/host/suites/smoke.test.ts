// The extension loads in a real VS Code and sees what the harness set up for the run.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hooksAllowed, type TestHooks } from '../../../src/testHooks';
import { hostContext } from '../context';
import { type Probe, waitFor as poll } from '../wait';

const EXTENSION_ID = 'ai-tool-policy.ai-tool-policy';

const waitFor = <T>(what: string, probe: Probe<T>) => poll(what, probe, 15_000);

describe('smoke', () => {
  const ctx = hostContext();

  it('activates the extension and, run for tests, hands the tests its services', async () => {
    const ext = vscode.extensions.getExtension<TestHooks | undefined>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded`);
    const api = await ext.activate();
    assert.equal(ext.isActive, true);
    assert.ok(api, 'activate() returns the test hooks in ExtensionMode.Test');
    for (const key of ['log', 'config', 'audit', 'policy', 'inventory', 'exposure'] as const) {
      assert.ok(api.services[key], `services.${key} missing`);
    }
  });

  it('hands the test hooks only to test runs, never to other extensions', () => {
    assert.equal(hooksAllowed(vscode.ExtensionMode.Test), true);
    assert.equal(hooksAllowed(vscode.ExtensionMode.Production), false);
    assert.equal(hooksAllowed(vscode.ExtensionMode.Development), false);
  });

  it('registers every command it contributes', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    const contributed = ((ext?.packageJSON.contributes?.commands ?? []) as { command: string }[]).map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((c) => !registered.has(c)), []);
  });

  it('runs with the workspace and trust the harness asked for', () => {
    assert.equal(vscode.workspace.isTrusted, ctx.trusted);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder open');
    assert.equal(folder.uri.path, ctx.workspaceDir);
  });

  it('honours the machine and user settings the harness wrote', () => {
    const all = { ...ctx.userSettings, ...ctx.machineSettings };
    const keys = Object.keys(all).filter((k) => k.startsWith('aiPolicy.'));
    assert.ok(keys.length > 0, 'the run sets no aiPolicy settings');
    const config = vscode.workspace.getConfiguration('aiPolicy');
    for (const key of keys) assert.deepEqual(config.get(key.slice('aiPolicy.'.length)), all[key], key);
  });

  it("ignores a cloned repository's settings that would redirect the policy or the audit data", async () => {
    // The fixture's .vscode/settings.json sets every one of these to an attacker's value.
    const config = vscode.workspace.getConfiguration('aiPolicy');
    assert.equal(config.get('policySource'), ctx.machineSettings['aiPolicy.policySource']);
    for (const key of ['audit.endpoint', 'audit.otlpEndpoint', 'developerId']) assert.equal(config.get(key), '', key);
    const api = await vscode.extensions.getExtension<TestHooks>(EXTENSION_ID)!.activate();
    const values = api.services.config.values;
    assert.equal(values.auditEndpoint, '');
    assert.equal(values.otlpEndpoint, '');
    const loaded = await waitFor('the policy to load', () => api.services.policy.current);
    assert.doesNotMatch(loaded.source, /attacker/);
    assert.equal(loaded.policy.organization, 'Example Corp');
  });

  it('sees the fake extensions the harness added', function () {
    if (ctx.fakeExtensions.length === 0) this.skip();
    for (const id of ctx.fakeExtensions) {
      const ext = vscode.extensions.getExtension(id);
      assert.ok(ext, `${id} is not visible`);
      assert.ok(Array.isArray(ext.packageJSON.categories), `${id} has no categories`);
    }
  });

  it('finds the git repository when the workspace was git-initialised', async function () {
    if (!ctx.gitInit) this.skip();
    const git = vscode.extensions.getExtension<{ getAPI(v: 1): { repositories: { rootUri: vscode.Uri }[] } }>('vscode.git');
    assert.ok(git, 'built-in git extension missing');
    const api = (await git.activate()).getAPI(1);
    const repo = await waitFor('the git repository', () => api.repositories[0]);
    assert.equal(repo.rootUri.path, ctx.workspaceDir);
  });
});

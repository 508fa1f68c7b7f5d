// What the editor says in the first hour when there is nothing to do: a policy check that found no change,
// and a disclosure asked for where there is no Git repository (trusted without Git, or Restricted Mode).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestHooks } from '../../../src/extension';
import { hostContext } from '../context';
import { waitFor } from '../wait';

const EXTENSION_ID = 'ai-tool-policy.ai-tool-policy';

describe('first-hour messages', function () {
  this.timeout(60_000);
  const ctx = hostContext();
  const config = () => vscode.workspace.getConfiguration('aiPolicy');
  let setSource = false;
  let services: TestHooks['services'];

  before(async () => {
    const ext = vscode.extensions.getExtension<TestHooks>(EXTENSION_ID);
    assert.ok(ext);
    services = (await ext.activate()).services;
    if (!services.config.values.policySource) {
      // Runs without a machine-set source: use the starter sample, as a developer would set it.
      const starter = path.join(ext.extensionPath, 'policy-samples', 'starter.aipolicy.yaml');
      await config().update('policySource', starter, vscode.ConfigurationTarget.Global);
      setSource = true;
    }
    await waitFor('the starter policy', () => services.policy.current?.policy.organization === 'Example Corp');
  });

  after(async () => {
    if (setSource) await config().update('policySource', undefined, vscode.ConfigurationTarget.Global);
  });

  it('Check for Policy Updates says so when nothing changed', async () => {
    const message = await vscode.commands.executeCommand<string>('aiPolicy.refreshPolicy');
    assert.equal(message, 'You have the latest AI tool policy, version 1, checked just now.');
  });

  it('Add AI Disclosure says why there is no repository to add it to', async function () {
    if (ctx.gitInit) this.skip();
    const message = await vscode.commands.executeCommand<string>('aiPolicy.addDisclosure');
    if (ctx.trusted) {
      assert.match(message ?? '', /^No Git repository is open in this workspace/);
      assert.doesNotMatch(message ?? '', /Restricted Mode/);
    } else {
      assert.match(message ?? '', /Git is off in Restricted Mode/);
    }
  });
});

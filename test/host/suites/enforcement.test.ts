// Drift inside a real VS Code: with a policy (pinned by a managed file, its path injected through the test
// hooks) that requires confirmation in the terminal and prohibits extensions, the editor lists the VS Code
// settings this machine does not enforce, says so in the status tooltip, records enforcement.drift, and
// sees a setting change.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COPILOT_ENABLE_DEFAULT, SECRET_LANGUAGES } from '../../../src/core/enforcement/editorContext';
import type { TestHooks } from '../../../src/extension';
import { toolsPolicy } from '../toolsFakes';
import { waitFor } from '../wait';

const EXTENSION_ID = 'ai-tool-policy.ai-tool-policy';
const TERMINAL = 'chat.tools.terminal.enableAutoApprove';
const IMPLICIT = 'chat.implicitContext.enabled';

describe('enforcement', function () {
  this.timeout(90_000);
  let api: TestHooks;
  let root: string;
  const events: { type: string; data: Record<string, unknown> }[] = [];
  const listeners: vscode.Disposable[] = [];
  const drifted = () => api.services.enforcement.drift.map((d) => d.setting);

  before(async () => {
    api = await vscode.extensions.getExtension<TestHooks>(EXTENSION_ID)!.activate();
    listeners.push(api.onDidRecordAudit((e) => events.push({ type: e.type, data: { ...e.data } })));
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'enforcement-host-'));
  });
  after(async () => {
    listeners.forEach((l) => l.dispose());
    await vscode.workspace.getConfiguration().update(TERMINAL, undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration().update(IMPLICIT, undefined, vscode.ConfigurationTarget.Global);
    api.setManagedConfigPath(path.join(root, 'absent.json'));
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('lists what this machine does not enforce, in the tooltip and as an event', async () => {
    const managed = path.join(root, 'managed.json');
    fs.writeFileSync(managed, JSON.stringify({ policySource: toolsPolicy }));
    fs.chmodSync(managed, 0o644);
    api.setManagedConfigPath(managed);
    await waitFor('the managed policy in force', () => api.services.policy.current?.source === toolsPolicy);
    await waitFor('drift on the terminal auto-approval', () => drifted().includes(TERMINAL));
    assert.ok(drifted().includes('extensions.allowed'), drifted().join(', '));
    const item = api.services.enforcement.drift.find((d) => d.setting === TERMINAL)!;
    assert.equal(item.policyName, 'ChatToolsTerminalEnableAutoApprove');
    assert.equal(item.required, 'false');
    await waitFor('the tooltip line', () => /This machine does not enforce: .*chat\.tools\.terminal\.enableAutoApprove/.test(api.toolsState().tooltip));
    assert.match(api.toolsState().tooltip, /Managed by your organization: policy source/);
    const ev = events.filter((e) => e.type === 'enforcement.drift').at(-1);
    assert.ok(ev, JSON.stringify(events.map((e) => e.type)));
    assert.ok((ev.data.settings as string[]).includes(TERMINAL));
    assert.ok((ev.data.policyNames as string[]).includes('ChatToolsTerminalEnableAutoApprove'));
  });

  it('sees the setting set as the policy requires, and records the new state once', async () => {
    const before = events.filter((e) => e.type === 'enforcement.drift').length;
    await vscode.workspace.getConfiguration().update(TERMINAL, false, vscode.ConfigurationTarget.Global);
    await waitFor('the terminal drift gone', () => !drifted().includes(TERMINAL));
    const after = events.filter((e) => e.type === 'enforcement.drift');
    assert.equal(after.length, before + 1);
    assert.ok(!(after.at(-1)!.data.settings as string[]).includes(TERMINAL));
    assert.doesNotMatch(api.toolsState().tooltip, /enableAutoApprove/);
    api.services.enforcement.refresh();
    assert.equal(events.filter((e) => e.type === 'enforcement.drift').length, before + 1, 'an unchanged state is not recorded again');
  });

  it('reads the editor-context settings by the ids and defaults this VS Code registers, and sees implicit context turned off', async () => {
    const c = vscode.workspace.getConfiguration();
    assert.deepEqual(c.inspect(IMPLICIT)?.defaultValue, { panel: 'always' });
    assert.equal(c.inspect('chat.agent.sandbox.enabled')?.defaultValue, 'off');
    assert.equal(c.inspect('chat.agent.sandbox.allowUnsandboxedCommands')?.defaultValue, true);
    // The built-in Copilot stays disabled until chat is set up, so its settings are read from its manifest.
    const manifest = JSON.parse(fs.readFileSync(path.join(vscode.env.appRoot, 'extensions', 'copilot', 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties?: Record<string, { default?: unknown }> }[] };
    };
    const copilot = manifest.contributes.configuration.map((s) => s.properties?.['github.copilot.enable']).find(Boolean)?.default as Record<string, boolean> | undefined;
    assert.deepEqual(copilot, { ...COPILOT_ENABLE_DEFAULT }, 'the built-in Copilot registers github.copilot.enable with the defaults drift assumes');
    const languages = await vscode.languages.getLanguages();
    for (const l of SECRET_LANGUAGES) assert.ok(languages.includes(l), `VS Code knows the ${l} language`);
    assert.deepEqual(c.inspect('chat.agent.sandbox.fileSystem.linux')?.defaultValue, { denyRead: [], allowRead: [], allowWrite: [], denyWrite: [] });
    await waitFor('drift on implicit chat context', () => drifted().includes(IMPLICIT));
    const item = api.services.enforcement.drift.find((d) => d.setting === IMPLICIT)!;
    assert.equal(item.policyName, undefined, 'no VS Code policy carries it');
    await c.update(IMPLICIT, { panel: 'never' }, vscode.ConfigurationTarget.Global);
    await waitFor('the implicit context drift gone', () => !drifted().includes(IMPLICIT));
  });
});

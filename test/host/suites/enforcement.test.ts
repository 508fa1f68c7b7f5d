// Drift inside a real VS Code: with a policy (pinned by a managed file, its path injected through the test
// hooks) that requires confirmation in the terminal and prohibits extensions, the editor lists the VS Code
// settings this machine does not enforce, says so in the status tooltip, records enforcement.drift, and
// sees a setting change.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestHooks } from '../../../src/extension';
import { toolsPolicy } from '../toolsFakes';
import { waitFor } from '../wait';

const EXTENSION_ID = 'ai-tool-policy.ai-tool-policy';
const TERMINAL = 'chat.tools.terminal.enableAutoApprove';

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
});

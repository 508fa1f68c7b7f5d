// Drift: the VS Code settings this machine does not set as the policy requires.
import * as assert from 'node:assert/strict';
import { driftKey, driftOf } from '../../../src/core/enforcement/drift';
import { editorContextSettings } from '../../../src/core/enforcement/editorContext';
import { fieldsOf } from '../../../src/core/audit/wireSchema';
import { statusTooltip } from '../../../src/editor/tools/statusText';
import { testPolicy } from './testPolicy';

describe('tools: drift', () => {
  it('reports the settings left at values the policy forbids, with the policy name that enforces each', () => {
    const policy = testPolicy();
    const { denyRead } = editorContextSettings(policy)['chat.agent.sandbox.fileSystem.linux'] as { denyRead: string[] };
    const d = driftOf(policy, {});
    assert.deepEqual(
      d.map((x) => [x.setting, x.policyName, x.required]),
      [
        ['chat.tools.terminal.enableAutoApprove', 'ChatToolsTerminalEnableAutoApprove', 'false'],
        ['extensions.allowed', 'AllowedExtensions', 'codeium.codeium: false'],
        ['chat.agent.sandbox.enabled', 'ChatAgentSandboxEnabled', '"on"'],
        ['chat.agent.sandbox.allowUnsandboxedCommands', 'ChatAgentSandboxAllowUnsandboxedCommands', 'false'],
        ['chat.implicitContext.enabled', undefined, '{"panel":"never"}'],
        ['github.copilot.enable', undefined, 'dotenv: false'],
        ['chat.agent.sandbox.fileSystem.linux', undefined, `denyRead with ${denyRead.length} paths`],
      ],
    );
    assert.equal(d[0].actual, 'true', "VS Code's default is shown when nothing sets it");
  });

  it('is empty when the effective settings match, and sees each setting go wrong', () => {
    const policy = testPolicy();
    policy.mcp = { ...policy.mcp!, servers: policy.mcp!.servers.filter((s) => s.status === 'prohibited'), unlisted: 'prohibited', agents: { autonomousMode: 'prohibited', requireConfirmation: ['terminal'] } };
    const good = {
      'chat.agent.enabled': false,
      'chat.tools.global.autoApprove': false,
      'chat.tools.terminal.enableAutoApprove': false,
      'chat.mcp.access': 'none',
      'extensions.allowed': { '*': true, codeium: false },
      'chat.useHooks': true,
      'chat.agent.sandbox.enabled': 'on',
      'chat.agent.sandbox.allowUnsandboxedCommands': false,
      'chat.implicitContext.enabled': { panel: 'never' },
      'github.copilot.enable': { '*': true, dotenv: false },
      'chat.agent.sandbox.fileSystem.linux': editorContextSettings(policy)['chat.agent.sandbox.fileSystem.linux'],
    };
    assert.deepEqual(driftOf(policy, good), []);
    const bad = driftOf(policy, {
      ...good, 'chat.agent.enabled': true, 'chat.tools.global.autoApprove': true, 'chat.mcp.access': 'all', 'extensions.allowed': { '*': true }, 'chat.useHooks': false,
      'chat.agent.sandbox.enabled': 'off', 'chat.agent.sandbox.allowUnsandboxedCommands': true, 'chat.implicitContext.enabled': { panel: 'first' }, 'github.copilot.enable': { '*': true },
      'chat.agent.sandbox.fileSystem.linux': { denyRead: ['.env'] },
    });
    assert.deepEqual(bad.map((x) => x.setting), [
      'chat.agent.enabled', 'chat.tools.global.autoApprove', 'chat.mcp.access', 'extensions.allowed', 'chat.useHooks',
      'chat.agent.sandbox.enabled', 'chat.agent.sandbox.allowUnsandboxedCommands', 'chat.implicitContext.enabled', 'github.copilot.enable',
      'chat.agent.sandbox.fileSystem.linux',
    ]);
    const fsItem = bad.find((x) => x.setting === 'chat.agent.sandbox.fileSystem.linux');
    assert.match(fsItem?.actual ?? '', /^\d+ missing$/, 'counts, no paths');
    assert.ok(!driftOf(policy, good, 'darwin').some((x) => x.setting === 'chat.agent.sandbox.fileSystem.linux'), 'the Linux setting is not asked of a Mac');
    assert.ok(driftOf(policy, good, 'darwin').some((x) => x.setting === 'chat.agent.sandbox.fileSystem.mac'), 'the Mac has its own');
    assert.ok(!driftOf(policy, good, 'win32').some((x) => x.setting.startsWith('chat.agent.sandbox.fileSystem')));
    assert.deepEqual(bad.find((x) => x.setting === 'github.copilot.enable'), { setting: 'github.copilot.enable', required: 'dotenv: false', actual: 'dotenv: on' });
    assert.deepEqual(driftOf(policy, { ...good, 'github.copilot.enable': { '*': false } }), [], 'completions off everywhere include .env files');
    assert.notEqual(driftKey(bad), driftKey([]));
    assert.deepEqual(driftOf(policy, { ...good, 'extensions.allowed': { '*': false } }), [], '"*": false blocks every unlisted extension');
  });

  it('is an event the wire format and the tooltip know', () => {
    assert.deepEqual(Object.keys(fieldsOf('enforcement.drift') ?? {}).filter((k) => k === 'settings' || k === 'policyNames'), ['settings', 'policyNames']);
    const tip = statusTooltip({ items: [], policy: testPolicy(), exposed: 0, drift: [{ setting: 'chat.useHooks', required: 'true' }] });
    assert.match(tip, /This machine does not enforce: `chat.useHooks` → true/);
  });
});
